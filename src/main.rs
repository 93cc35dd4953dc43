fn main() {
    yew::Renderer::<seekscan_web::app::App>::new().render();
}
