//! The `glasspy` command line: run a file, `-c CODE`, a script on stdin, or the REPL.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use glasspy::{script_path, GlobalPymalloc, Interpreter, Options};

mod repl;

/// Every allocation of the process comes from pymalloc: objects, and also the buffers
/// of lists, dicts and strings, so the allocator's statistics tell the whole truth.
#[global_allocator]
static ALLOCATOR: GlobalPymalloc = GlobalPymalloc;

const USAGE: &str = "usage: glasspy [option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "\
usage: glasspy [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
--dis  : print the bytecode of the program instead of running it
-i     : inspect interactively after running script
--memory-report PATH : run the program, then write an HTML memory report (heap
         over the run, collections, top allocating lines, the heap at its peak)
--max-memory SIZE : limit the heap to SIZE bytes (suffixes k, M, G: powers of
         1024); growing past it raises MemoryError (also GLASSPY_MAX_MEMORY)
-X opt : set implementation-specific option (tracemalloc or tracemalloc=NFRAME:
         trace memory allocations; others are accepted and ignored)
-m mod : run library module as a script (terminates option list)
-h     : print this help message and exit (also -? or --help)
-V     : print the glasspy version number and exit (also --version)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Environment variables:
PYTHONPATH: ':'-separated list of directories prefixed to the
   default module search path (sys.path).
PYTHONHASHSEED: if this variable is set to 'random', a random value is used
   to seed the hashes of str objects; an integer in [0, 4294967295] fixes it.
PYTHONTRACEMALLOC: if this variable is set, tracemalloc starts tracing with
   this number of frames per traceback (-X tracemalloc=N wins over it).
GLASSPY_MALLOC: seed (default), cpython or malloc: the allocator's geometry.
GLASSPY_MAX_MEMORY: the heap's memory limit, as --max-memory (which wins).
";

/// What the command line asks for.
enum Action {
    Run {
        source: String,
        filename: String,
        file: Option<String>,
        argv: Vec<String>,
        /// `-i`: open the REPL in the program's namespace afterwards.
        inspect: bool,
    },
    /// `-m module`: run a module (a package's `__main__`) as `__main__`.
    RunModule {
        module: String,
        argv: Vec<String>,
    },
    /// The REPL on a terminal, with no program.
    Repl,
    Dis {
        source: String,
        filename: String,
    },
    Exit(u8),
}

fn usage_error(msg: &str) -> Action {
    eprintln!("{msg}\n{USAGE}\nTry `glasspy -h' for more information.");
    Action::Exit(2)
}

fn read_file(path: &str) -> Result<String, Action> {
    std::fs::read_to_string(path).map_err(|e| {
        let errno = e.raw_os_error().unwrap_or(2);
        let what = match e.kind() {
            std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
            _ => e.to_string(),
        };
        eprintln!(
            "glasspy: can't open file '{}': [Errno {errno}] {what}",
            script_path(path)
        );
        Action::Exit(2)
    })
}

fn read_stdin() -> String {
    let mut s = String::new();
    let _ = std::io::stdin().read_to_string(&mut s);
    s
}

/// tracemalloc's frames per traceback from `-X tracemalloc[=N]` (0: not asked).
static X_TRACEMALLOC: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The number of frames in a `-X tracemalloc=N` or PYTHONTRACEMALLOC value, as
/// CPython parses it (1..=65535).
fn nframe(v: &str) -> Option<usize> {
    v.parse::<usize>().ok().filter(|n| (1..=65535).contains(n))
}

/// An `-X` option: `tracemalloc[=N]` is remembered; others are ignored, as CPython
/// accepts any.
fn x_option(opt: &str) -> Result<(), Action> {
    let n = match opt.split_once('=') {
        Some(("tracemalloc", v)) => match nframe(v) {
            Some(n) => n,
            None => {
                eprintln!(
                    "Fatal Python error: config_init_tracemalloc: -X tracemalloc=NFRAME: \
                     invalid number of frames"
                );
                return Err(Action::Exit(1));
            }
        },
        None if opt == "tracemalloc" => 1,
        _ => return Ok(()),
    };
    X_TRACEMALLOC.store(n, std::sync::atomic::Ordering::Relaxed);
    Ok(())
}

/// What tracemalloc starts with: `-X tracemalloc`, else PYTHONTRACEMALLOC (empty or
/// unset: 0, do not trace).
fn tracemalloc_frames() -> Result<usize, String> {
    let x = X_TRACEMALLOC.load(std::sync::atomic::Ordering::Relaxed);
    if x > 0 {
        return Ok(x);
    }
    match std::env::var("PYTHONTRACEMALLOC") {
        Ok(v) if !v.is_empty() => nframe(&v).ok_or_else(|| {
            "Fatal Python error: config_init_tracemalloc: PYTHONTRACEMALLOC: invalid \
             number of frames"
                .to_string()
        }),
        _ => Ok(0),
    }
}

/// Options of the command line that are not part of the `Action`.
#[derive(Default)]
struct Extra {
    /// `--max-memory SIZE`, in bytes.
    max_memory: Option<usize>,
    /// `--memory-report PATH`.
    memory_report: Option<String>,
}

/// The value of `--name VALUE` or `--name=VALUE` at `args[*i]` (advancing `i`).
fn long_value(args: &[String], i: &mut usize, name: &str) -> Option<Result<String, Action>> {
    let a = args[*i].as_str();
    if let Some(v) = a.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
        return Some(Ok(v.to_string()));
    }
    if a != name {
        return None;
    }
    Some(match args.get(*i + 1) {
        Some(v) => {
            *i += 1;
            Ok(v.clone())
        }
        None => Err(usage_error(&format!(
            "Argument expected for the {name} option"
        ))),
    })
}

fn parse_args(args: Vec<String>, extra: &mut Extra) -> Action {
    let mut dis = false;
    let mut inspect = false;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-h" | "-?" | "--help" => {
                print!("{HELP}");
                return Action::Exit(0);
            }
            "-V" | "--version" => {
                println!(
                    "glasspy {} (a Python 3.11 subset)",
                    env!("CARGO_PKG_VERSION")
                );
                return Action::Exit(0);
            }
            "--dis" => dis = true,
            "-i" => inspect = true,
            _ if a.starts_with("--memory-report") => {
                match long_value(&args, &mut i, "--memory-report") {
                    Some(Ok(v)) => extra.memory_report = Some(v),
                    Some(Err(action)) => return action,
                    None => return usage_error(&format!("Unknown option: {a}")),
                }
            }
            _ if a.starts_with("--max-memory") => match long_value(&args, &mut i, "--max-memory") {
                Some(Ok(v)) => match glasspy::parse_size(&v) {
                    Some(n) => extra.max_memory = Some(n),
                    None => return usage_error(&format!("invalid --max-memory size: '{v}'")),
                },
                Some(Err(action)) => return action,
                None => return usage_error(&format!("Unknown option: {a}")),
            },
            _ if a.starts_with("-X") => {
                let opt = if a.len() > 2 {
                    a[2..].to_string()
                } else {
                    match args.get(i + 1) {
                        Some(o) => {
                            i += 1;
                            o.clone()
                        }
                        None => return usage_error("Argument expected for the -X option"),
                    }
                };
                if let Err(action) = x_option(&opt) {
                    return action;
                }
            }
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    return usage_error("Argument expected for the -c option");
                };
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                let (source, filename) = (code.clone(), "<string>".to_string());
                return if dis {
                    Action::Dis { source, filename }
                } else {
                    Action::Run {
                        source,
                        filename,
                        file: None,
                        argv,
                        inspect,
                    }
                };
            }
            _ if a.starts_with("-m") => {
                let module = if a.len() > 2 {
                    a[2..].to_string()
                } else {
                    match args.get(i + 1) {
                        Some(m) => {
                            i += 1;
                            m.clone()
                        }
                        None => return usage_error("Argument expected for the -m option"),
                    }
                };
                // python3: sys.argv[0] is '-m' until the module is found, then its file.
                let mut argv = vec!["-m".to_string()];
                argv.extend(args[i + 1..].iter().cloned());
                return Action::RunModule { module, argv };
            }
            "-" => break,
            _ if a.starts_with('-') && a.len() > 1 => {
                return usage_error(&format!("Unknown option: {a}"));
            }
            _ => break,
        }
        i += 1;
    }
    let rest = &args[i..];
    let (source, filename, file, argv) = match rest.first().map(String::as_str) {
        None | Some("-") => {
            if rest.is_empty() && std::io::stdin().is_terminal() && !dis {
                return Action::Repl;
            }
            let mut argv: Vec<String> = rest.to_vec();
            if argv.is_empty() {
                argv.push(String::new());
            }
            (read_stdin(), "<stdin>".to_string(), None, argv)
        }
        Some(path) => match read_file(path) {
            Ok(src) => {
                let full = script_path(path);
                (src, full.clone(), Some(full), rest.to_vec())
            }
            Err(action) => return action,
        },
    };
    if dis {
        return Action::Dis { source, filename };
    }
    Action::Run {
        source,
        filename,
        file,
        argv,
        inspect,
    }
}

/// The start of sys.path, as python3 makes it: the folder of the script (symbolic
/// links resolved) or '' (the current folder) for -c and stdin, then the entries of
/// PYTHONPATH made absolute.
fn sys_path_head(script: Option<&str>) -> Vec<String> {
    let first = match script {
        Some(f) => std::fs::canonicalize(f)
            .ok()
            .and_then(|p| p.parent().map(|d| d.to_string_lossy().into_owned()))
            .unwrap_or_default(),
        None => String::new(),
    };
    let mut path = vec![first];
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        let cwd = std::env::current_dir().unwrap_or_default();
        for entry in std::env::split_paths(&pp) {
            path.push(
                cwd.join(entry)
                    .to_string_lossy()
                    .trim_end_matches('/')
                    .to_string(),
            );
        }
    }
    path
}

/// The interpreter's stack: deep enough for the compiler's and the
/// recursion-limited Rust paths at sys.setrecursionlimit(100000).
const STACK_SIZE: usize = 1 << 30;

fn main() -> ExitCode {
    if let Err(e) = glasspy::init_hash_seed_from_env() {
        eprint!("{e}");
        return ExitCode::from(1);
    }
    // A panic is a bug in glasspy: report it in one line (no Rust backtrace) and exit
    // with status 70; what the program printed so far is flushed as the VM unwinds.
    std::panic::set_hook(Box::new(|info| {
        let loc = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("glasspy: internal error{loc}: {msg} (please report this bug)");
    }));
    let mut extra = Extra::default();
    let action = parse_args(std::env::args().skip(1).collect(), &mut extra);
    let max_memory = match extra.max_memory {
        Some(n) => n,
        None => match std::env::var("GLASSPY_MAX_MEMORY") {
            Ok(v) if !v.is_empty() => match glasspy::parse_size(&v) {
                Some(n) => n,
                None => {
                    eprintln!("glasspy: invalid GLASSPY_MAX_MEMORY size: '{v}'");
                    return ExitCode::from(2);
                }
            },
            _ => 0,
        },
    };
    let tracemalloc = match tracemalloc_frames() {
        Ok(n) => n,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(1);
        }
    };
    let memory_report = extra.memory_report;
    let run = move || -> u8 {
        match action {
            Action::Exit(code) => code,
            Action::Dis { source, filename } => match glasspy::disassemble(&source, &filename) {
                Ok(text) => {
                    print!("{text}");
                    0
                }
                Err(e) => {
                    eprint!("{e}");
                    1
                }
            },
            Action::RunModule { module, argv } => {
                // sys.path[0] is the current folder, by its full path.
                let cwd = std::env::current_dir()
                    .map(|d| d.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let mut path = sys_path_head(None);
                path[0] = cwd;
                let opts = Options {
                    argv,
                    path,
                    tracemalloc,
                    max_memory,
                    ..Options::default()
                };
                if std::env::var_os(glasspy::CHECK_LEAKS_VAR).is_some_and(|v| v == "1") {
                    return Interpreter::run_module_checking_leaks(opts, &module) as u8;
                }
                match Interpreter::new(opts) {
                    Ok(mut py) => py.run_module(&module) as u8,
                    Err(e) => {
                        eprintln!("glasspy: {e}");
                        1
                    }
                }
            }
            Action::Repl => match Interpreter::new(Options {
                path: sys_path_head(None),
                tracemalloc,
                max_memory,
                ..Options::default()
            }) {
                Ok(py) => repl::run(py, true) as u8,
                Err(e) => {
                    eprintln!("glasspy: {e}");
                    1
                }
            },
            Action::Run {
                source,
                filename,
                file,
                argv,
                inspect,
            } => {
                let f = file.as_deref();
                let opts = Options {
                    argv,
                    path: sys_path_head(f),
                    tracemalloc,
                    max_memory,
                    ..Options::default()
                };
                if std::env::var_os(glasspy::CHECK_LEAKS_VAR).is_some_and(|v| v == "1") {
                    return Interpreter::run_main_checking_leaks(opts, &source, &filename, f) as u8;
                }
                let mut py = match Interpreter::new(opts) {
                    Ok(py) => py,
                    Err(e) => {
                        eprintln!("glasspy: {e}");
                        return 1;
                    }
                };
                if inspect && std::io::stdin().is_terminal() {
                    // python3 -i: the REPL in the program's namespace, whatever happened.
                    py.run_main_keep(&source, &filename, f);
                    return repl::run(py, false) as u8;
                }
                if let Some(path) = &memory_report {
                    py.start_memory_report();
                    let code = py.run_main(&source, &filename, f) as u8;
                    if let Err(e) = py.write_memory_report(path) {
                        eprintln!("glasspy: cannot write the memory report {path}: {e}");
                        return 1;
                    }
                    return code;
                }
                py.run_main(&source, &filename, f) as u8
            }
        }
    };
    // While the process has one thread, registering for membarrier(2) (which this
    // thread's ownership of the allocator needs) costs next to nothing.
    glasspy::prepare_allocator_owner();
    // The interpreter runs on this thread, switched onto its 1 GiB stack (no second
    // thread to start and wait for), and ends the process itself once `run` has
    // returned (the interpreter dropped, its output flushed; process::exit flushes
    // Rust's stdout): returning would first have the stack unmapped, work the exit
    // does anyway. A panic unwinds back here and exits with status 70.
    let ran = std::panic::catch_unwind(|| {
        glasspy::run_on_stack(STACK_SIZE, || -> u8 {
            // This thread owns the allocator: its allocations and frees take no
            // atomic; other threads (few, rare) take its lock and make it step aside
            // (crates/heap/src/pymalloc/gate.rs). The ownership lasts until the
            // process exits.
            let _owner = glasspy::own_allocator();
            std::process::exit(i32::from(run()))
        })
    });
    ExitCode::from(ran.unwrap_or(70))
}
