//! Small helpers shared by glass's pictures: XML escaping, the colour of each map
//! letter, the HTML page that wraps an SVG with hover and zoom, writing a file and
//! printing text through sys.stdout.

use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::exceptions::{self, VmResult};
use crate::objects::string;
use crate::vm::Vm;

/// Text made safe for XML character data and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => o.push('?'),
            c => o.push(c),
        }
    }
    o
}

/// The fill colour of a map letter (see census::LETTERS).
pub fn colour(letter: char) -> &'static str {
    match letter {
        'i' => "#4e79a7",
        'f' => "#59a14f",
        's' => "#f28e2b",
        'b' => "#edc948",
        't' => "#76b7b2",
        'l' => "#e15759",
        'd' => "#b07aa1",
        'e' => "#ff9da7",
        'F' => "#9c755f",
        'c' => "#8cd17d",
        'T' => "#d37295",
        'M' => "#499894",
        'o' => "#f1ce63",
        'x' => "#86bcb6",
        '#' => "#bab0ac",
        '*' => "#79706e",
        _ => "#ffffff",
    }
}

/// The ANSI colour code of a map letter on a terminal.
pub fn ansi(letter: char) -> &'static str {
    match letter {
        'i' => "34",
        'f' => "32",
        's' => "33",
        'b' => "93",
        't' => "36",
        'l' => "31",
        'd' => "35",
        'e' => "95",
        'F' => "91",
        'c' => "92",
        'T' => "96",
        'M' => "94",
        'o' => "1;33",
        'x' => "37",
        '#' => "90",
        '*' => "2",
        _ => "2",
    }
}

/// An HTML page around `svg`: hover outlines a shape and shows its title in a panel;
/// the wheel or the buttons zoom, dragging pans. Inline CSS and script only.
pub fn html_page(title: &str, intro: &str, svg: &str) -> String {
    let mut p = String::with_capacity(svg.len() + 4096);
    p.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    p.push_str(&format!("<title>{}</title>\n", esc(title)));
    p.push_str(HTML_STYLE);
    p.push_str("</head>\n<body>\n");
    p.push_str(&format!("<h1>{}</h1>\n<p>{}</p>\n", esc(title), esc(intro)));
    p.push_str(
        "<div class=\"tools\"><button id=\"zin\">zoom in</button> \
         <button id=\"zout\">zoom out</button> <button id=\"zreset\">reset</button> \
         <span id=\"hover\">hover over a block</span></div>\n",
    );
    p.push_str("<div id=\"view\"><div id=\"stage\">\n");
    p.push_str(svg);
    p.push_str("</div></div>\n");
    p.push_str(HTML_SCRIPT);
    p.push_str("</body>\n</html>\n");
    p
}

pub const HTML_STYLE: &str = "<style>\n\
body { font-family: sans-serif; margin: 1em; color: #222; }\n\
#view { overflow: hidden; border: 1px solid #ccc; height: 80vh; cursor: grab; }\n\
#stage { transform-origin: 0 0; }\n\
svg rect.block:hover, svg g.node:hover rect { stroke: #000; stroke-width: 1.5; }\n\
#hover { font-family: monospace; margin-left: 1em; }\n\
table { border-collapse: collapse; } td, th { padding: 2px 8px; text-align: right; }\n\
th { border-bottom: 1px solid #888; } td:first-child, th:first-child { text-align: left; }\n\
</style>\n";

pub const HTML_SCRIPT: &str = "<script>\n\
(function () {\n\
  var view = document.getElementById('view'), stage = document.getElementById('stage');\n\
  var hover = document.getElementById('hover');\n\
  var z = 1, x = 0, y = 0, drag = null;\n\
  function apply() { stage.style.transform = 'translate(' + x + 'px,' + y + 'px) scale(' + z + ')'; }\n\
  function zoom(f) { z = Math.min(40, Math.max(0.2, z * f)); apply(); }\n\
  document.getElementById('zin').onclick = function () { zoom(1.5); };\n\
  document.getElementById('zout').onclick = function () { zoom(1 / 1.5); };\n\
  document.getElementById('zreset').onclick = function () { z = 1; x = 0; y = 0; apply(); };\n\
  view.addEventListener('wheel', function (e) { e.preventDefault(); zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2); });\n\
  view.addEventListener('mousedown', function (e) { drag = [e.clientX - x, e.clientY - y]; });\n\
  window.addEventListener('mouseup', function () { drag = null; });\n\
  window.addEventListener('mousemove', function (e) { if (drag) { x = e.clientX - drag[0]; y = e.clientY - drag[1]; apply(); } });\n\
  view.addEventListener('mouseover', function (e) {\n\
    var t = e.target.closest('[data-tip]') || e.target;\n\
    var title = t.querySelector ? t.querySelector('title') : null;\n\
    if (title) { hover.textContent = title.textContent; }\n\
  });\n\
})();\n\
</script>\n";

/// Write `text` to `path`, as Python's open(path, 'w').write would (OSError on
/// failure).
pub fn write_file(vm: &mut Vm, path: &str, text: &str) -> VmResult<()> {
    std::fs::write(path, text)
        .map_err(|e| crate::builtins::oserror::from_io(vm, &e, Some(string::new(path)), None))
}

/// Print `text` through sys.stdout (so redirections see it).
pub fn print_text(vm: &mut Vm, text: &str) -> VmResult<()> {
    let sys = vm.import(&string::intern_str("sys"))?;
    let out = vm.getattr(&sys, &string::intern_str("stdout"))?;
    let write = vm.getattr(&out, &string::intern_str("write"))?;
    vm.call(&write, Args::positional(&[string::new(text)]))?;
    Ok(())
}

/// Is sys.stdout the process's standard output on a terminal?
pub fn stdout_is_terminal(vm: &mut Vm) -> bool {
    use std::io::IsTerminal;
    let redirected = (|| -> VmResult<bool> {
        let sys = vm.import(&string::intern_str("sys"))?;
        let out = vm.getattr(&sys, &string::intern_str("stdout"))?;
        let orig = vm.getattr(&sys, &string::intern_str("__stdout__"))?;
        Ok(!out.is(&orig))
    })()
    .unwrap_or(true);
    !redirected && std::io::stdout().is_terminal()
}

/// The path argument: None, or a str ending in one of `exts` (ValueError otherwise).
pub fn path_arg(o: Option<&PyObj>, fname: &str, exts: &[&str]) -> VmResult<Option<String>> {
    let Some(o) = o.filter(|o| !o.is(&crate::objects::ctx().none)) else {
        return Ok(None);
    };
    let Some(p) = string::as_str(o) else {
        return Err(exceptions::type_error(format!(
            "{fname}() path must be str or None"
        )));
    };
    let p = p.into_owned();
    if !exts.iter().any(|e| p.to_ascii_lowercase().ends_with(e)) {
        return Err(exceptions::value_error(format!(
            "{fname}() writes {} files, not '{p}'",
            exts.join(", ")
        )));
    }
    Ok(Some(p))
}
