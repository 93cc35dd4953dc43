use {
    crate::*,
    gluesql_core::{executor::Payload, prelude::Value::*, query_builder::*},
};

test_case!(data_aggregation, {
    let glue = get_glue!();

    let actual = table("User")
        .create_table()
        .add_column("id INT")
        .add_column("name TEXT")
        .add_column("age INT")
        .execute(glue);
    let expected = Ok(Payload::Create);
    assert_eq!(actual, expected, "create table");

    let actual = table("User")
        .insert()
        .columns("id, name, age")
        .values(vec![
            vec![num(1), text("Alice"), num(20)],
            vec![num(2), text("Bob"), num(30)],
            vec![num(3), text("Carol"), num(30)],
            vec![num(4), text("Dave"), num(50)],
            vec![num(5), text("Eve"), num(50)],
        ])
        .execute(glue);
    let expected = Ok(Payload::Insert(5));
    assert_eq!(actual, expected, "insert");

    let actual = table("User")
        .select()
        .group_by("age")
        .project("age, count(*)")
        .execute(glue);
    let expected = Ok(select!(
        age | r"count(*)";
        I64 | I64;
        20    1;
        30    2;
        50    2
    ));
    assert_eq!(actual, expected, "group by");

    let actual = table("User")
        .select()
        .group_by("age")
        .having("count(*) > 1")
        .project("age, count(*)")
        .execute(glue);
    let expected = Ok(select!(
        age | r"count(*)";
        I64 | I64;
        30    2;
        50    2
    ));
    assert_eq!(actual, expected, "having");

    let actual = table("User")
        .select()
        .project(col("age").count_distinct().alias_as("unique_ages"))
        .execute(glue);
    let expected = Ok(select!(
        unique_ages
        I64;
        3
    ));
    assert_eq!(actual, expected, "Query Builder COUNT DISTINCT example");

    let actual = table("User")
        .select()
        .project(col("age").sum_distinct().alias_as("sum_distinct"))
        .execute(glue);
    let expected = Ok(select!(
        sum_distinct
        I64;
        100
    ));
    assert_eq!(actual, expected, "Query Builder SUM DISTINCT example");

    let actual = table("User")
        .select()
        .project(col("age").avg_distinct().alias_as("avg_distinct"))
        .execute(glue);
    let expected = Ok(select!(
        avg_distinct
        F64;
        33.333_333_333_333_336
    ));
    assert_eq!(actual, expected, "Query Builder AVG DISTINCT example");

    let actual = table("User")
        .select()
        .project(col("age").min_distinct().alias_as("min_distinct"))
        .execute(glue);
    let expected = Ok(select!(
        min_distinct
        I64;
        20
    ));
    assert_eq!(actual, expected, "Query Builder MIN DISTINCT example");

    let actual = table("User")
        .select()
        .project(col("age").max_distinct().alias_as("max_distinct"))
        .execute(glue);
    let expected = Ok(select!(
        max_distinct
        I64;
        50
    ));
    assert_eq!(actual, expected, "Query Builder MAX DISTINCT example");

    let actual = table("User")
        .select()
        .project(col("age").variance_distinct().alias_as("variance_distinct"))
        .execute(glue);
    let expected = Ok(select!(
        variance_distinct
        F64;
        155.555_555_555_555_54
    ));
    assert_eq!(actual, expected, "Query Builder VARIANCE DISTINCT example");

    let actual = table("User")
        .select()
        .project(col("age").stdev_distinct().alias_as("stdev_distinct"))
        .execute(glue);
    let expected = Ok(select!(
        stdev_distinct
        F64;
        12.472_191_289_246_47
    ));
    assert_eq!(actual, expected, "Query Builder STDEV DISTINCT example");
});
