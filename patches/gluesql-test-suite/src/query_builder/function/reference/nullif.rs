use {
    crate::*,
    gluesql_core::{
        executor::Payload,
        prelude::Value::*,
        query_builder::{function as f, *},
    },
};

test_case!(nullif, {
    let glue = get_glue!();

    // create table - Foo
    let actual = table("Foo")
        .create_table()
        .add_column("id INTEGER ")
        .add_column("name TEXT")
        .add_column("nickname TEXT")
        .execute(glue);
    let expected = Ok(Payload::Create);
    assert_eq!(actual, expected, "create table - Foo");

    // insert into Foo
    let actual = table("Foo")
        .insert()
        .columns("id, name nickname")
        .values(vec![
            vec![num(100), text("hello"), text("bye")],
            vec![num(200), text("world"), text("world")],
        ])
        .execute(glue);
    let expected = Ok(Payload::Insert(2));
    assert_eq!(actual, expected, "insert into Foo");

    // Return null when text equal
    let actual = table("Foo")
        .select()
        .project("id")
        .project(col("name").nullif(text("hello")))
        .execute(glue);
    let expected = Ok(select_with_null!(
        id | "NULLIF(\"name\", 'hello')";
        I64(100)   Null;
        I64(200)   Str("world".to_owned())
    ));
    assert_eq!(actual, expected, "return null when text value equal");

    // Return first argument when other column text different
    let actual = table("Foo")
        .select()
        .project("id")
        .project(col("name").nullif(col("nickname")))
        .execute(glue);
    let expected = Ok(select_with_null!(
        id | "NULLIF(\"name\", \"nickname\")";
        I64(100) Str("hello".to_owned());
        I64(200) Null
    ));
    assert_eq!(
        actual, expected,
        "return first argument with other column using nullif"
    );

    // nullif without table
    let actual = values(vec![
        vec![f::nullif(text("HELLO"), text("WORLD"))],
        vec![f::nullif(text("WORLD"), text("WORLD"))],
    ])
    .execute(glue);
    let expected = Ok(select_with_null!(
        "column1";
        Str("HELLO".to_owned());
        Null
    ));
    assert_eq!(actual, expected, "nullif without table");
});
