//! placeholder
pub fn render(
    _c: &super::super::Compilation,
    _out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    Ok(())
}
