pub fn run(_p: Option<std::path::PathBuf>) -> Result<(), String> { Ok(()) }
