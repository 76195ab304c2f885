//! What a new user finds in a clone: the README's set-up works as written, its outputs are
//! ignored by git, and the licences the packages name are there.

mod common;

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_set_up_installs_the_binary_and_shows_the_sample_output() {
    let readme = read("README.md");
    let set_up = &readme[readme.find("## Set up").unwrap()..readme.find("## Use").unwrap()];
    assert!(set_up.contains("cargo install --path ."), "{set_up}");
    assert!(set_up.contains("~/.cargo/bin"), "where the binary lands");
    assert!(
        set_up.contains("fouille extract fixtures/burkina-faso-partenariats.txt --date 2023-11-30"),
        "the first command gives the output shown"
    );
    assert!(
        set_up.contains("scripts/python-tests.sh"),
        "which command runs the Python and Spark tests"
    );
}

#[test]
fn every_mention_of_data_outside_the_repository_says_where_to_get_it() {
    let readme = read("README.md");
    for (i, paragraph) in readme.split("\n\n").enumerate() {
        if paragraph.contains("../shared") {
            assert!(
                paragraph.contains("github.com")
                    || paragraph.contains("docs/eval-gold.md")
                    || paragraph.contains("corpus/"),
                "paragraph {i} points at ../shared without saying where else to find it:\n{paragraph}"
            );
        }
    }
}

#[test]
fn the_outputs_of_the_readme_commands_are_ignored() {
    let ignore = read(".gitignore");
    for entry in [
        ".venv/",
        "/out/",
        "/*.jsonl",
        "/stats.json",
        "*.fouille-tmp",
    ] {
        assert!(ignore.lines().any(|l| l == entry), "{entry}");
    }
}

#[test]
fn the_licences_the_packages_name_are_there() {
    let manifest = read("Cargo.toml");
    assert!(manifest.contains(r#"license = "MIT OR Apache-2.0""#));
    assert!(read("LICENSE-MIT").contains("Permission is hereby granted"));
    assert!(read("LICENSE-APACHE").contains("Apache License"));
    let changelog = read("CHANGELOG.md");
    assert!(changelog.contains("fouille/1"), "the contract's version");
}
