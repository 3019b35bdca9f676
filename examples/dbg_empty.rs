fn main() {
    let o = redraft::model::parse(
        &std::fs::read_to_string("/tmp/h/e_old.txt").unwrap(),
        &Default::default(),
    )
    .unwrap();
    let n = redraft::model::parse(
        &std::fs::read_to_string("/tmp/h/e_new.txt").unwrap(),
        &Default::default(),
    )
    .unwrap();
    let r = redraft::diff::redline(&o, &n, &Default::default());
    let list = redraft::amend::from_redline(&r, None);
    for a in &list {
        println!(
            "{:?} => {:?}",
            a,
            redraft::amend::phrase(a, redraft::lang::Lang::En)
        );
    }
}
