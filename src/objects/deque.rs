//! collections.deque: CPython 3.11's dequeobject, a run of 64-slot blocks with the
//! items between `leftindex` in the first block and `rightindex` in the last.
//!
//! The object is 232 bytes (GC header, header, then 200 bytes: the blocks, the two
//! indices, the mutation `state`, `maxlen`, a cache of up to 16 freed blocks and the
//! weak-reference list), and each block CPython's 528 (64 slots and two links), so
//! `sys.getsizeof` is `232 + 528 * blocks`: `deque()` is 760. CPython links its
//! blocks to each other; here the blocks sit in a ring of block pointers (a
//! `VecDeque`) and a block is its 64 slots, so the ring holds the links (one word per
//! block, plus the ring's slack) and getsizeof counts them as CPython's two.
//!
//! Where the items go follows CPython exactly, so block counts (and sizes) match:
//!
//! ```text
//!   new deque:           leftindex = 32, rightindex = 31 (one block, centred)
//!   append at index 63:  a new block on the right, rightindex = 0
//!   appendleft at 0:     a new block on the left, leftindex = 63
//!   extend of an empty deque starts at leftindex 1, extendleft at 63
//!   a pop that empties a block frees it, unless the deque is then empty:
//!   then it re-centres (leftindex 32, rightindex 31)
//! ```
//!
//! `state` counts mutations (appends, pops, rotations): iterators and searches compare
//! it to raise "deque mutated during iteration".

use std::collections::VecDeque;

use crate::heap::{Payload, PyObj, Visit};

/// Slots per block.
pub const BLOCKLEN: usize = 64;
/// Where an empty deque's items start.
const CENTER: i32 = (BLOCKLEN as i32 - 1) / 2;
/// Freed blocks a deque keeps for reuse.
const MAXFREEBLOCKS: usize = 16;
/// CPython's block: 64 slots between a left and a right link.
pub const BLOCK_SIZE: usize = (BLOCKLEN + 2) * 8;

/// One block's slots.
type Block = [Option<PyObj>; BLOCKLEN];

fn new_block() -> Box<Block> {
    Box::new(std::array::from_fn(|_| None))
}

/// The payload of a deque.
pub struct Deque {
    /// The blocks, leftmost first; never empty.
    blocks: VecDeque<Box<Block>>,
    /// The first item's slot in the first block.
    leftindex: i32,
    /// The last item's slot in the last block (-1 only in the middle of an append).
    rightindex: i32,
    /// Bumped by every mutation that moves items.
    pub state: u64,
    /// The bound on the length, or -1.
    pub maxlen: i64,
    numfree: usize,
    freeblocks: [Option<Box<Block>>; MAXFREEBLOCKS],
    /// CPython's weakreflist (always empty: glasspy has no weak references).
    _weakreflist: Option<PyObj>,
}

impl Payload for Deque {
    type Item = ();
    const NAME: &'static str = "collections.deque";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        for b in &self.blocks {
            b.iter().flatten().for_each(&mut *visit);
        }
    }
    fn clear(&mut self) {
        drop(self.take_all());
    }
    fn extra_size(&self) -> usize {
        self.blocks.len() * BLOCK_SIZE
    }
}

impl Drop for Deque {
    /// Items are released left to right.
    fn drop(&mut self) {
        for x in self.take_all() {
            drop(x);
        }
    }
}

impl Deque {
    /// An empty deque (one centred block).
    pub fn new(maxlen: i64) -> Deque {
        let mut blocks = VecDeque::with_capacity(1);
        blocks.push_back(new_block());
        Deque {
            blocks,
            leftindex: CENTER + 1,
            rightindex: CENTER,
            state: 0,
            maxlen,
            numfree: 0,
            freeblocks: Default::default(),
            _weakreflist: None,
        }
    }

    pub fn len(&self) -> usize {
        ((self.blocks.len() as i64 - 1) * BLOCKLEN as i64 + self.rightindex as i64 + 1
            - self.leftindex as i64) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Blocks CPython's deque_sizeof counts.
    pub fn nblocks(&self) -> usize {
        (self.leftindex as usize + self.len()).div_ceil(BLOCKLEN)
    }

    fn get_block(&mut self) -> Box<Block> {
        if self.numfree > 0 {
            self.numfree -= 1;
            if let Some(b) = self.freeblocks[self.numfree].take() {
                return b;
            }
        }
        new_block()
    }

    fn free_block(&mut self, b: Box<Block>) {
        if self.numfree < MAXFREEBLOCKS {
            self.freeblocks[self.numfree] = Some(b);
            self.numfree += 1;
        }
    }

    /// The slot of item `i` (0 <= i < len).
    fn slot(&self, i: usize) -> (usize, usize) {
        let p = self.leftindex as usize + i;
        (p / BLOCKLEN, p % BLOCKLEN)
    }

    pub fn get(&self, i: usize) -> Option<&PyObj> {
        if i >= self.len() {
            return None;
        }
        let (b, s) = self.slot(i);
        self.blocks[b][s].as_ref()
    }

    /// Replace item `i`, giving back the old one.
    pub fn set(&mut self, i: usize, v: PyObj) -> Option<PyObj> {
        if i >= self.len() {
            return None;
        }
        let (b, s) = self.slot(i);
        self.blocks[b][s].replace(v)
    }

    /// The items, left to right (new references).
    pub fn items(&self) -> Vec<PyObj> {
        (0..self.len())
            .filter_map(|i| self.get(i).cloned())
            .collect()
    }

    /// Append without trimming to maxlen.
    fn push_right(&mut self, x: PyObj) {
        if self.rightindex == BLOCKLEN as i32 - 1 {
            let b = self.get_block();
            self.blocks.push_back(b);
            self.rightindex = -1;
        }
        self.rightindex += 1;
        let r = self.rightindex as usize;
        if let Some(b) = self.blocks.back_mut() {
            b[r] = Some(x);
        }
    }

    fn push_left(&mut self, x: PyObj) {
        if self.leftindex == 0 {
            let b = self.get_block();
            self.blocks.push_front(b);
            self.leftindex = BLOCKLEN as i32;
        }
        self.leftindex -= 1;
        let l = self.leftindex as usize;
        if let Some(b) = self.blocks.front_mut() {
            b[l] = Some(x);
        }
    }

    /// deque_append_internal: append, then trim from the left past maxlen (the item
    /// trimmed is returned, to be released by the caller).
    pub fn append(&mut self, x: PyObj) -> Option<PyObj> {
        self.push_right(x);
        if self.maxlen >= 0 && self.len() as i64 > self.maxlen {
            self.popleft()
        } else {
            self.state += 1;
            None
        }
    }

    pub fn appendleft(&mut self, x: PyObj) -> Option<PyObj> {
        self.push_left(x);
        if self.maxlen >= 0 && self.len() as i64 > self.maxlen {
            self.pop()
        } else {
            self.state += 1;
            None
        }
    }

    /// Remove and return the rightmost item.
    pub fn pop(&mut self) -> Option<PyObj> {
        if self.is_empty() {
            return None;
        }
        let r = self.rightindex as usize;
        let item = self.blocks.back_mut().and_then(|b| b[r].take());
        self.rightindex -= 1;
        self.state += 1;
        if self.rightindex < 0 {
            if !self.is_empty() {
                if let Some(b) = self.blocks.pop_back() {
                    self.free_block(b);
                }
                self.rightindex = BLOCKLEN as i32 - 1;
            } else {
                self.leftindex = CENTER + 1;
                self.rightindex = CENTER;
            }
        }
        item
    }

    /// Remove and return the leftmost item.
    pub fn popleft(&mut self) -> Option<PyObj> {
        if self.is_empty() {
            return None;
        }
        let l = self.leftindex as usize;
        let item = self.blocks.front_mut().and_then(|b| b[l].take());
        self.leftindex += 1;
        self.state += 1;
        if self.leftindex == BLOCKLEN as i32 {
            if !self.is_empty() {
                if let Some(b) = self.blocks.pop_front() {
                    self.free_block(b);
                }
                self.leftindex = 0;
            } else {
                self.leftindex = CENTER + 1;
                self.rightindex = CENTER;
            }
        }
        item
    }

    /// deque_extend's space-saving start: an empty deque fills from the left of its
    /// block.
    pub fn start_extend(&mut self) {
        if self.is_empty() {
            self.leftindex = 1;
            self.rightindex = 0;
        }
    }

    /// deque_extendleft's: an empty deque fills from the right of its block.
    pub fn start_extendleft(&mut self) {
        if self.is_empty() {
            self.leftindex = BLOCKLEN as i32 - 1;
            self.rightindex = BLOCKLEN as i32 - 2;
        }
    }

    /// Append `n` more references to `item` without trimming (deque_inplace_repeat's
    /// single-item case).
    pub fn repeat_one(&mut self, item: &PyObj, n: usize) {
        self.state += 1;
        for _ in 0..n {
            self.push_right(item.clone());
        }
    }

    /// Take every item out (left to right), leaving one centred block (deque_clear).
    pub fn take_all(&mut self) -> Vec<PyObj> {
        if self.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::with_capacity(self.len());
        for b in self.blocks.iter_mut() {
            out.extend(b.iter_mut().filter_map(Option::take));
        }
        while self.blocks.len() > 1 {
            if let Some(b) = self.blocks.pop_back() {
                self.free_block(b);
            }
        }
        self.leftindex = CENTER + 1;
        self.rightindex = CENTER;
        self.state += 1;
        out
    }

    /// Reverse the items in place.
    pub fn reverse(&mut self) {
        let n = self.len();
        for i in 0..n / 2 {
            let (b1, s1) = self.slot(i);
            let (b2, s2) = self.slot(n - 1 - i);
            let x = self.blocks[b1][s1].take();
            let y = std::mem::replace(&mut self.blocks[b2][s2], x);
            self.blocks[b1][s1] = y;
        }
    }

    /// CPython's _deque_rotate: move `n` items from the right end to the left (n < 0:
    /// the other way), a block-sized chunk at a time, allocating and freeing blocks
    /// at the ends exactly as CPython does.
    pub fn rotate(&mut self, mut n: i64) {
        let len = self.len() as i64;
        let halflen = len >> 1;
        if len <= 1 {
            return;
        }
        if n > halflen || n < -halflen {
            n %= len;
            if n > halflen {
                n -= len;
            } else if n < -halflen {
                n += len;
            }
        }
        self.state += 1;
        let bl = BLOCKLEN as i32;
        let mut spare: Option<Box<Block>> = None;
        while n > 0 {
            if self.leftindex == 0 {
                let b = spare.take().unwrap_or_else(|| self.get_block());
                self.blocks.push_front(b);
                self.leftindex = bl;
            }
            let m = (n as i32).min(self.rightindex + 1).min(self.leftindex);
            self.rightindex -= m;
            self.leftindex -= m;
            let last = self.blocks.len() - 1;
            for k in 0..m {
                let x = self.blocks[last][(self.rightindex + 1 + k) as usize].take();
                self.blocks[0][(self.leftindex + k) as usize] = x;
            }
            n -= m as i64;
            if self.rightindex < 0 {
                spare = self.blocks.pop_back();
                self.rightindex = bl - 1;
            }
        }
        while n < 0 {
            if self.rightindex == bl - 1 {
                let b = spare.take().unwrap_or_else(|| self.get_block());
                self.blocks.push_back(b);
                self.rightindex = -1;
            }
            let m = ((-n) as i32)
                .min(bl - self.leftindex)
                .min(bl - 1 - self.rightindex);
            let last = self.blocks.len() - 1;
            for k in 0..m {
                let x = self.blocks[0][(self.leftindex + k) as usize].take();
                self.blocks[last][(self.rightindex + 1 + k) as usize] = x;
            }
            self.leftindex += m;
            self.rightindex += m;
            n += m as i64;
            if self.leftindex == bl {
                spare = self.blocks.pop_front();
                self.leftindex = 0;
            }
        }
        if let Some(b) = spare {
            self.free_block(b);
        }
    }
}

/// _deque_iterator / _deque_reverse_iterator: a position, the deque's `state` when
/// the iteration started, and the items left.
pub struct DequeIter {
    pub deque: Option<PyObj>,
    /// Items taken so far.
    pub index: usize,
    pub state: u64,
    /// Items left.
    pub counter: usize,
}

impl Payload for DequeIter {
    type Item = ();
    const NAME: &'static str = "_collections._deque_iterator";
    const GC: bool = true;
    const MUTABLE: bool = true;
    fn traverse(&self, _: &[()], visit: Visit<'_>) {
        if let Some(d) = &self.deque {
            visit(d);
        }
    }
    fn clear(&mut self) {
        drop(self.deque.take());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_cpythons() {
        assert_eq!(std::mem::size_of::<Deque>(), 200);
    }
}
