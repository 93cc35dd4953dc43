pub mod pattern_matching;
