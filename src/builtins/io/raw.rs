//! The raw and buffered layers at the Rust level: reading, writing and seeking the
//! operating-system file through the buffered object's byte buffers.

use super::*;

// ----- the raw and buffered layers (Rust level) ------------------------------------

pub(super) fn raw_state(raw: &PyObj) -> VmResult<RefMut<'_, RawState>> {
    raw.get::<FileIO>()
        .ok_or_else(|| wrong_self(raw, "_io.FileIO"))?
        .st
        .try_borrow_mut()
        .map_err(|_| busy())
}

pub(super) fn raw_read(raw: &PyObj, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut r = raw
        .get::<FileIO>()
        .ok_or_else(|| std::io::Error::other("not a FileIO"))?
        .st
        .try_borrow_mut()
        .map_err(|_| std::io::Error::other("busy"))?;
    match &mut r.raw {
        Some(Raw::File(f)) => f.read(buf),
        Some(Raw::Stdin) => {
            // One line at most: what input() reads next must not sit in this buffer.
            use std::io::BufRead;
            let mut lock = std::io::stdin().lock();
            let avail = lock.fill_buf()?;
            let n = avail
                .iter()
                .position(|&b| b == b'\n')
                .map_or(avail.len(), |i| i + 1)
                .min(buf.len());
            buf[..n].copy_from_slice(&avail[..n]);
            lock.consume(n);
            Ok(n)
        }
        Some(Raw::Stdout | Raw::Stderr) => Err(std::io::Error::from_raw_os_error(9)),
        None => Ok(0),
    }
}

pub(super) fn raw_write_all(raw: &PyObj, data: &[u8]) -> std::io::Result<()> {
    let mut r = raw
        .get::<FileIO>()
        .ok_or_else(|| std::io::Error::other("not a FileIO"))?
        .st
        .try_borrow_mut()
        .map_err(|_| std::io::Error::other("busy"))?;
    match &mut r.raw {
        Some(Raw::File(f)) => f.write_all(data),
        Some(Raw::Stderr) => std::io::stderr().write_all(data),
        Some(Raw::Stdout) => std::io::stdout().write_all(data),
        _ => Err(std::io::Error::from_raw_os_error(9)),
    }
}

pub(super) fn raw_seek(raw: &PyObj, pos: SeekFrom) -> std::io::Result<u64> {
    let mut r = raw
        .get::<FileIO>()
        .ok_or_else(|| std::io::Error::other("not a FileIO"))?
        .st
        .try_borrow_mut()
        .map_err(|_| std::io::Error::other("busy"))?;
    match &mut r.raw {
        Some(Raw::File(f)) => f.seek(pos),
        _ => Err(std::io::Error::from_raw_os_error(29)),
    }
}

pub(super) fn flush_buf(s: &mut BufState) -> std::io::Result<()> {
    if s.wbuf.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut s.wbuf);
    let r = raw_write_all(&s.raw, &data);
    s.wbuf = data;
    s.wbuf.clear();
    r
}

/// Read more bytes into the read buffer; the number read (0 at the end of the file).
pub(super) fn fill_buf(s: &mut BufState) -> std::io::Result<usize> {
    if s.rpos > 0 {
        s.rbuf.drain(..s.rpos);
        s.rpos = 0;
    }
    let old = s.rbuf.len();
    s.rbuf.resize(old + BUFFER_SIZE, 0);
    let r = raw_read(&s.raw, &mut s.rbuf[old..]);
    let n = *r.as_ref().unwrap_or(&0);
    s.rbuf.truncate(old + n);
    r
}

/// Give back the bytes read ahead (before a write or a seek).
pub(super) fn drop_read_ahead(s: &mut BufState) -> std::io::Result<()> {
    let unread = s.rbuf.len() - s.rpos;
    s.rbuf.clear();
    s.rpos = 0;
    if unread > 0 {
        raw_seek(&s.raw, SeekFrom::Current(-(unread as i64)))?;
    }
    Ok(())
}

pub(super) fn tell_buf(s: &mut BufState) -> std::io::Result<u64> {
    flush_buf(s)?;
    let pos = raw_seek(&s.raw, SeekFrom::Current(0))?;
    Ok(pos - (s.rbuf.len() - s.rpos) as u64)
}

pub(super) fn seek_buf(s: &mut BufState, pos: SeekFrom) -> std::io::Result<u64> {
    flush_buf(s)?;
    drop_read_ahead(s)?;
    raw_seek(&s.raw, pos)
}

pub(super) fn write_buf(s: &mut BufState, data: &[u8]) -> std::io::Result<()> {
    if s.rpos < s.rbuf.len() || !s.rbuf.is_empty() {
        drop_read_ahead(s)?;
    }
    s.wbuf.extend_from_slice(data);
    if s.wbuf.len() >= BUFFER_SIZE {
        flush_buf(s)?;
    }
    Ok(())
}

pub(super) fn read_all_buf(s: &mut BufState) -> std::io::Result<Vec<u8>> {
    flush_buf(s)?;
    let mut out = s.rbuf.split_off(s.rpos);
    s.rbuf.clear();
    s.rpos = 0;
    let mut chunk = vec![0u8; BUFFER_SIZE];
    loop {
        let n = raw_read(&s.raw, &mut chunk)?;
        if n == 0 {
            break;
        }
        out.extend_from_slice(&chunk[..n]);
    }
    Ok(out)
}

pub(super) fn is_closed_raw(raw: &PyObj) -> bool {
    raw.get::<FileIO>()
        .and_then(|f| f.st.try_borrow().ok().map(|s| s.raw.is_none()))
        .unwrap_or(true)
}

/// Close the raw file: flush what is buffered first; the flush's error (if any) is
/// reported after the file is closed, as CPython does.
pub(super) fn close_buffered(vm: &mut Vm, b: &PyObj) -> VmResult<()> {
    let buf = b.get::<Buffered>().expect("Buffered");
    let mut s = buf.st.try_borrow_mut().map_err(|_| busy())?;
    if is_closed_raw(&s.raw) {
        return Ok(());
    }
    let flushed = flush_buf(&mut s);
    s.rbuf = Vec::new();
    s.rpos = 0;
    s.wbuf = Vec::new();
    let raw = s.raw.clone();
    drop(s);
    let mut r = raw_state(&raw)?;
    let closefd = r.closefd;
    let old = r.raw.take();
    drop(r);
    if closefd {
        drop(old);
    } else {
        std::mem::forget(old);
    }
    flushed.map_err(|e| io_err(vm, &e))
}
