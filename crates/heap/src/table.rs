//! Tables: one block from the objects' pymalloc holding a small header, a byte area and
//! an array of entries. They are what a hash table whose memory must be CPython's needs:
//! a dict's keys object (header, index bytes, entries) and a split dict's values (order
//! bytes, value slots) are each one such block, as CPython's PyObject_Malloc'd
//! PyDictKeysObject and PyDictValues are. The tables know nothing of dicts: the header
//! type, what the bytes mean and what the entries are belong to their user.
//!
//! Two handles:
//!
//! - `Table<H, A, B>`: shared and counted (Clone adds a reference, Drop removes one, the
//!   block is freed when the last goes), borrowed at run time like a `RefCell` through a
//!   flag in the block. Its entries are all `A` or all `B`, chosen at creation (a dict's
//!   keys hold 24-byte entries, or 16-byte ones when every key is a str).
//! - `SmallTable<H, E>`: owned by one place, like a `Box`; at most 255 entries and one
//!   side byte per entry (a split dict's values and their insertion order).
//!
//! Layouts (offsets in bytes; `E` is the entry type):
//!
//! ```text
//!   Table:       [refs u32][borrow u32][nbytes u32][n | B u32][H] pad [bytes: nbytes] pad [E; n]
//!                 the bytes start 8-aligned, so they can be read as i8/i16/i32/i64 slices
//!   SmallTable:  [n u8][H][bytes: n] pad [E; n]
//! ```
//!
//! With `H` of 16 bytes a `Table`'s header is 32 bytes, CPython's PyDictKeysObject
//! header; with `H = u8` a `SmallTable` is `round_up(n + 2, 8) + n * size_of::<E>()`
//! bytes, CPython's values block with its order prefix.
//!
//! # Invariants (cited by the `// SAFETY:` comments as K1..K5 and K3')
//!
//! - **K1** A block was allocated by `object_alloc` with exactly the layout its
//!   dimensions give (`Dims::layout`): the dimensions (byte count, entry count, entry
//!   type) are written when it is made and never change, and the layout is recomputed
//!   from them to free it.
//! - **K2** All `n` entries of a block are initialised from its creation until it is
//!   freed (each is written with `Default::default()` first), and are dropped exactly
//!   once, when the block is freed. The byte area is always initialised (filled at
//!   creation); its bytes are plain data.
//! - **K3** (`Table`) `refs` counts the live handles to the block; the block is freed
//!   when it reaches 0, so no handle ever points at a freed block. The header, bytes and
//!   entries are only reached through a `TableRef` (the borrow flag counts shared
//!   borrows) or a `TableMut` (the flag is `BORROW_MUT`), so a `&mut` to any of them
//!   never coexists with another reference to the same block's contents.
//! - **K3'** (`Table<Tagged<X>, Entry, StrEntry>`) The exception to K3: `has_tag` and
//!   `value_if_tag` read the tag and one entry's value in place, with no borrow, after
//!   checking that the flag is not `BORROW_MUT` (no `TableMut` is alive). Their shared
//!   references live only while they read and count a clone; no user code runs then,
//!   so no `TableMut` can be made meanwhile.
//! - **K4** (`SmallTable`) exactly one handle owns the block; access follows Rust's
//!   borrows of that handle (`&self` gives shared access, `&mut self` exclusive).
//! - **K5** A block on the thread's table free list was allocated by `object_alloc`
//!   with the list's layout, holds no table (its header and entries were dropped, no
//!   handle points at it), and its first word links to the next block of the list
//!   (null at the end); the list holds at most `TABLE_FREE_MAX` blocks.
//!
//! The table free list is CPython 3.11's dict keys free list: a `Table` made with
//! `new_parkable` (a dict's smallest str-keyed keys object) goes there when its last
//! handle drops, if there is room, and the next `new_parkable` of the same layout
//! takes it back instead of asking pymalloc; a full collection empties it.
//!
//! Blocks are confined to their thread (the handles are neither Send nor Sync), as
//! objects are (H7).

use std::alloc::Layout;
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::mem::{align_of, size_of};
use std::ptr::{self, NonNull};

use crate::object::BorrowError;
use crate::pymalloc::{
    object_alloc, object_alloc_small, object_dealloc, object_dealloc_small, SMALL_OBJECT,
};

/// An instance's attribute values kept apart from any dict (CPython 3.11's values
/// array): an insertion-order byte per slot, then the slots.
pub type InlineValues = SmallTable<u8, Option<crate::PyObj>>;

/// The pre-header word that holds an instance's `InlineValues` (see object.rs).
pub type ValuesSlot = Cell<Option<InlineValues>>;

/// Entry `ix` of the values a slot holds (a new reference), read in place: None when
/// the slot is empty, `ix` is past the end or the entry is empty. No stores to the
/// slot (`take` and `set` back would make two).
#[inline]
pub fn values_entry(slot: &ValuesSlot, ix: usize) -> Option<crate::PyObj> {
    // SAFETY: K4: the slot's table is only read, through a shared reference that
    // lives for this call alone; nothing runs meanwhile that could replace or drop
    // it (cloning a handle only raises a count) and the slot is confined to its
    // thread (a Cell is not Sync).
    let v = unsafe { &*slot.as_ptr() };
    v.as_ref()?.entries().get(ix)?.clone()
}

/// Does the slot hold values (the instance keeps its values apart from a dict)? No
/// stores to the slot.
#[inline]
pub fn values_present(slot: &ValuesSlot) -> bool {
    // SAFETY: K4: the slot's contents are only looked at, for this call alone; nothing
    // runs meanwhile, and the slot is confined to its thread (a Cell is not Sync).
    unsafe { &*slot.as_ptr() }.is_some()
}

const BORROW_MUT: u32 = u32::MAX;
/// The top bit of `Head::dims`: the entries are `B`s.
const VARIANT_B: u32 = 1 << 31;
/// Bit 30 of `Head::dims`: the block goes to the table free list when freed.
const PARKABLE: u32 = 1 << 30;
/// The entry count's bits of `Head::dims`.
const COUNT_MASK: u32 = !(VARIANT_B | PARKABLE);
/// Most blocks the table free list keeps (CPython's PyDict_MAXFREELIST for keys).
pub const TABLE_FREE_MAX: u32 = 80;

/// The table free list (K5): blocks of one layout, linked through their first word.
struct TableFreeList {
    head: Cell<*mut u8>,
    len: Cell<u32>,
    /// The layout of every block on the list (set by the first block parked).
    layout: Cell<Option<Layout>>,
}

thread_local! {
    static TABLE_FREE: TableFreeList = const {
        TableFreeList { head: Cell::new(ptr::null_mut()), len: Cell::new(0), layout: Cell::new(None) }
    };
}

/// A block of `layout` from the table free list, or null.
fn take_parked(layout: Layout) -> *mut u8 {
    TABLE_FREE
        .try_with(|f| {
            let head = f.head.get();
            if head.is_null() || f.layout.get() != Some(layout) {
                return ptr::null_mut();
            }
            // SAFETY: K5: a parked block's first word holds the next one (or null).
            let next = unsafe { head.cast::<*mut u8>().read() };
            f.head.set(next);
            f.len.set(f.len.get() - 1);
            head
        })
        .unwrap_or(ptr::null_mut())
}

/// Park a dead table block of `layout` on the table free list; false if it is full
/// or holds blocks of another layout (the caller frees the block).
///
/// # Safety
/// `block` was allocated by `object_alloc` with `layout` (K1), holds no table any more
/// (its header and entries were dropped) and is not used by the caller after true.
unsafe fn park(block: *mut u8, layout: Layout) -> bool {
    TABLE_FREE
        .try_with(|f| {
            if f.len.get() >= TABLE_FREE_MAX || f.layout.get().is_some_and(|l| l != layout) {
                return false;
            }
            f.layout.set(Some(layout));
            // SAFETY: K5: the block is dead (caller) and at least a header long, 8-aligned;
            // its first word becomes the link to the previous head.
            unsafe { block.cast::<*mut u8>().write(f.head.get()) };
            f.head.set(block);
            f.len.set(f.len.get() + 1);
            true
        })
        .unwrap_or(false)
}

/// Give every block of the table free list back to pymalloc (a full collection does,
/// with the type free lists).
pub fn clear_table_free_list() {
    let Some(layout) = TABLE_FREE.try_with(|f| f.layout.get()).ok().flatten() else {
        return;
    };
    loop {
        let block = take_parked(layout);
        if block.is_null() {
            break;
        }
        // SAFETY: K5/P5: a parked block was allocated with this layout and holds no
        // table; it left the list above and is freed once.
        unsafe { object_dealloc(block, layout) };
    }
}

/// Blocks on the table free list now.
pub fn table_free_list_len() -> usize {
    TABLE_FREE.try_with(|f| f.len.get() as usize).unwrap_or(0)
}

#[inline]
const fn round_up(n: usize, align: usize) -> usize {
    (n + align - 1) & !(align - 1)
}

// ----- Table ---------------------------------------------------------------------------

/// The first bytes of a `Table` block.
#[repr(C)]
struct Head<H> {
    refs: Cell<u32>,
    borrow: Cell<u32>,
    nbytes: u32,
    /// The entry count, with `VARIANT_B` set when the entries are `B`s.
    dims: u32,
    user: UnsafeCell<H>,
}

/// Where the parts of a `Table` block lie, computed from its dimensions (K1).
struct Dims {
    layout: Layout,
    entries_off: usize,
}

/// Offset of the byte area of a `Table` with header `H`: 8-aligned.
#[inline]
const fn bytes_off<H>() -> usize {
    round_up(size_of::<Head<H>>(), 8)
}

fn table_dims<H, E>(nbytes: usize, n: usize) -> Option<Dims> {
    let entries_off = round_up(bytes_off::<H>().checked_add(nbytes)?, align_of::<E>());
    let size = n.checked_mul(size_of::<E>())?.checked_add(entries_off)?;
    let align = align_of::<Head<H>>().max(8).max(align_of::<E>());
    Some(Dims {
        layout: Layout::from_size_align(size, align).ok()?,
        entries_off,
    })
}

/// A shared, counted table block: header `H`, a byte area, and entries that are all
/// `A` or all `B` (see the module documentation). Clone adds a reference; the block
/// is freed, its entries dropped, when the last handle goes.
pub struct Table<H: 'static, A: Default + 'static, B: Default + 'static = A> {
    head: NonNull<Head<H>>,
    _owns: PhantomData<(H, A, B)>,
}

/// The entries of a table, of whichever type it was made with.
pub enum Entries<'a, A, B> {
    A(&'a [A]),
    B(&'a [B]),
}

/// The entries of a table, mutably.
pub enum EntriesMut<'a, A, B> {
    A(&'a mut [A]),
    B(&'a mut [B]),
}

impl<H: 'static, A: Default + 'static, B: Default + 'static> Table<H, A, B> {
    /// A new block with header `header`, `nbytes` bytes all equal to `fill`, and `n`
    /// default entries of type `B` if `use_b`, else `A`. None if the sizes are too big
    /// or the memory cannot be had.
    pub fn new(header: H, nbytes: usize, fill: u8, n: usize, use_b: bool) -> Option<Self> {
        Self::make(header, nbytes, fill, n, use_b, false)
    }

    /// Like `new`, but the block is taken from the table free list when one of its
    /// layout is there, and goes back there when the table is freed while the list
    /// has room (CPython's dict keys free list; see the module documentation).
    pub fn new_parkable(header: H, nbytes: usize, fill: u8, n: usize, use_b: bool) -> Option<Self> {
        Self::make(header, nbytes, fill, n, use_b, true)
    }

    fn make(
        header: H,
        nbytes: usize,
        fill: u8,
        n: usize,
        use_b: bool,
        parkable: bool,
    ) -> Option<Self> {
        let nb = u32::try_from(nbytes).ok()?;
        let nn = u32::try_from(n).ok().filter(|&x| x & !COUNT_MASK == 0)?;
        let d = if use_b {
            table_dims::<H, B>(nbytes, n)?
        } else {
            table_dims::<H, A>(nbytes, n)?
        };
        let mut block = if parkable {
            take_parked(d.layout)
        } else {
            ptr::null_mut()
        };
        if block.is_null() {
            // SAFETY: K1: the layout's size is at least the header's, so it is not zero.
            let alloc = || unsafe { object_alloc(d.layout) };
            // The caller handles None: a large table is a fallible request, which the
            // memory limit refuses rather than serves.
            block = if d.layout.size() > 512 {
                crate::pymalloc::fallible(alloc)
            } else {
                alloc()
            };
        }
        let head = NonNull::new(block.cast::<Head<H>>())?;
        // SAFETY: K1/K2/K5: the block (fresh, or a parked one of the same layout holding
        // no table) has the layout of these dimensions: the header
        // at 0, `nbytes` bytes at bytes_off, `n` entries at entries_off; each part is
        // written once before the handle exists.
        unsafe {
            head.as_ptr().write(Head {
                refs: Cell::new(1),
                borrow: Cell::new(0),
                nbytes: nb,
                dims: nn | if use_b { VARIANT_B } else { 0 } | if parkable { PARKABLE } else { 0 },
                user: UnsafeCell::new(header),
            });
            ptr::write_bytes(block.add(bytes_off::<H>()), fill, nbytes);
            if use_b {
                fill_default::<B>(block.add(d.entries_off).cast(), n);
            } else {
                fill_default::<A>(block.add(d.entries_off).cast(), n);
            }
        }
        Some(Table {
            head,
            _owns: PhantomData,
        })
    }

    #[inline]
    fn head(&self) -> &Head<H> {
        // SAFETY: K3: a handle keeps its block alive; the fields read through this
        // reference outside `user` are Cells or never written after creation (K1).
        unsafe { self.head.as_ref() }
    }

    /// Are the entries `B`s?
    #[inline]
    pub fn is_b(&self) -> bool {
        self.head().dims & VARIANT_B != 0
    }

    /// The number of entries.
    #[inline]
    pub fn len(&self) -> usize {
        (self.head().dims & COUNT_MASK) as usize
    }

    /// True if the table has no entries.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The size of the byte area.
    #[inline]
    pub fn nbytes(&self) -> usize {
        self.head().nbytes as usize
    }

    /// The number of handles to this block.
    #[inline]
    pub fn refs(&self) -> usize {
        self.head().refs.get() as usize
    }

    /// Do both handles name the same block?
    #[inline]
    pub fn same(&self, other: &Self) -> bool {
        self.head == other.head
    }

    /// The block's address (an identity while the block lives).
    #[inline]
    pub fn addr(&self) -> usize {
        self.head.as_ptr().addr()
    }

    fn dims(&self) -> Dims {
        let (nbytes, n) = (self.nbytes(), self.len());
        if self.is_b() {
            table_dims::<H, B>(nbytes, n)
        } else {
            table_dims::<H, A>(nbytes, n)
        }
        .expect("the dimensions were valid at creation")
    }

    /// The bytes of the block: what the allocator handed out for it.
    pub fn block_size(&self) -> usize {
        self.dims().layout.size()
    }

    /// The bytes a table of these dimensions takes (what `block_size` would say).
    pub fn size_for(nbytes: usize, n: usize, use_b: bool) -> Option<usize> {
        let d = if use_b {
            table_dims::<H, B>(nbytes, n)?
        } else {
            table_dims::<H, A>(nbytes, n)?
        };
        Some(d.layout.size())
    }

    /// Borrow the contents for reading; Busy while mutably borrowed.
    #[inline]
    pub fn borrow(&self) -> Result<TableRef<'_, H, A, B>, BorrowError> {
        let b = &self.head().borrow;
        let state = b.get();
        if state >= BORROW_MUT - 1 {
            return Err(BorrowError::Busy);
        }
        b.set(state + 1);
        Ok(TableRef { t: self })
    }

    /// Borrow the contents for writing; Busy while borrowed at all.
    #[inline]
    pub fn borrow_mut(&self) -> Result<TableMut<'_, H, A, B>, BorrowError> {
        let b = &self.head().borrow;
        if b.get() != 0 {
            return Err(BorrowError::Busy);
        }
        b.set(BORROW_MUT);
        Ok(TableMut { t: self })
    }

    /// Pointer to the byte area.
    #[inline]
    fn bytes_ptr(&self) -> *mut u8 {
        // SAFETY: K1: the byte area lies inside the block at bytes_off.
        unsafe { self.head.as_ptr().cast::<u8>().add(bytes_off::<H>()) }
    }

    /// Pointer to entry 0 (of type E, which is A or B as the block says).
    #[inline]
    fn entries_ptr<E>(&self) -> *mut E {
        let off = round_up(bytes_off::<H>() + self.nbytes(), align_of::<E>());
        // SAFETY: K1: the entries lie inside the block at this offset.
        unsafe { self.head.as_ptr().cast::<u8>().add(off).cast::<E>() }
    }

    /// The byte area as a slice of `I`s, raw.
    #[inline]
    fn ints_raw<I: bytemuck::Pod>(&self) -> *mut [I] {
        assert!(align_of::<I>() <= 8, "the byte area is 8-aligned");
        let n = self.nbytes() / size_of::<I>();
        ptr::slice_from_raw_parts_mut(self.bytes_ptr().cast::<I>(), n)
    }

    #[inline]
    fn entries_raw(&self) -> (bool, *mut u8, usize) {
        let n = self.len();
        if self.is_b() {
            (true, self.entries_ptr::<B>().cast(), n)
        } else {
            (false, self.entries_ptr::<A>().cast(), n)
        }
    }
}

impl<H: 'static, A: Default + 'static, B: Default + 'static> Clone for Table<H, A, B> {
    #[inline]
    fn clone(&self) -> Self {
        let r = &self.head().refs;
        r.set(
            r.get()
                .checked_add(1)
                .expect("table reference count overflow"),
        );
        Table {
            head: self.head,
            _owns: PhantomData,
        }
    }
}

impl<H: 'static, A: Default + 'static, B: Default + 'static> Drop for Table<H, A, B> {
    fn drop(&mut self) {
        let r = &self.head().refs;
        let n = r.get() - 1;
        r.set(n);
        if n > 0 {
            return;
        }
        let d = self.dims();
        let parkable = self.head().dims & PARKABLE != 0;
        let (is_b, first, len) = self.entries_raw();
        // SAFETY: K3: this was the last handle, so nothing borrows the block; K2: the
        // header and all `len` entries are initialised and dropped here once; K1: the
        // block is freed with the layout it was allocated with, or K5: parked with it,
        // holding no table.
        unsafe {
            if is_b {
                ptr::drop_in_place(ptr::slice_from_raw_parts_mut(first.cast::<B>(), len));
            } else {
                ptr::drop_in_place(ptr::slice_from_raw_parts_mut(first.cast::<A>(), len));
            }
            ptr::drop_in_place(self.head.as_ptr());
            let block = self.head.as_ptr().cast::<u8>();
            if !(parkable && park(block, d.layout)) {
                object_dealloc(block, d.layout);
            }
        }
    }
}

impl<H: 'static, A: Default + 'static, B: Default + 'static> std::fmt::Debug for Table<H, A, B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<table at {:#x}>", self.addr())
    }
}

/// # Safety
/// `first` points at `n` writable, suitably aligned, uninitialised `E` slots.
unsafe fn fill_default<E: Default>(first: *mut E, n: usize) {
    for i in 0..n {
        // SAFETY: K2: forwarded from the caller: slot i < n is writable.
        unsafe { first.add(i).write(E::default()) };
    }
}

/// A shared borrow of a table's contents.
pub struct TableRef<'a, H: 'static, A: Default + 'static, B: Default + 'static> {
    t: &'a Table<H, A, B>,
}

impl<H: 'static, A: Default + 'static, B: Default + 'static> Drop for TableRef<'_, H, A, B> {
    #[inline]
    fn drop(&mut self) {
        let b = &self.t.head().borrow;
        b.set(b.get() - 1);
    }
}

impl<'a, H: 'static, A: Default + 'static, B: Default + 'static> TableRef<'a, H, A, B> {
    /// The header.
    #[inline]
    pub fn header(&self) -> &H {
        // SAFETY: K3: the flag holds a shared borrow, so nobody writes the header.
        unsafe { &*self.t.head().user.get() }
    }

    /// The byte area as `I`s (its length divided by `I`'s size).
    #[inline]
    pub fn ints<I: bytemuck::Pod>(&self) -> &[I] {
        // SAFETY: K2: the bytes are initialised plain data, valid as any Pod type; the
        // area is 8-aligned (bytes_off) and `ints_raw` checks I's alignment; K3: shared
        // borrow.
        unsafe { &*self.t.ints_raw::<I>() }
    }

    /// The entries.
    #[inline]
    pub fn entries(&self) -> Entries<'_, A, B> {
        let (is_b, first, n) = self.t.entries_raw();
        // SAFETY: K2: all n entries are initialised; K3: shared borrow.
        unsafe {
            if is_b {
                Entries::B(&*ptr::slice_from_raw_parts(first.cast::<B>(), n))
            } else {
                Entries::A(&*ptr::slice_from_raw_parts(first.cast::<A>(), n))
            }
        }
    }

    /// The table borrowed.
    #[inline]
    pub fn table(&self) -> &'a Table<H, A, B> {
        self.t
    }
}

/// An exclusive borrow of a table's contents.
pub struct TableMut<'a, H: 'static, A: Default + 'static, B: Default + 'static> {
    t: &'a Table<H, A, B>,
}

impl<H: 'static, A: Default + 'static, B: Default + 'static> Drop for TableMut<'_, H, A, B> {
    #[inline]
    fn drop(&mut self) {
        self.t.head().borrow.set(0);
    }
}

impl<'a, H: 'static, A: Default + 'static, B: Default + 'static> TableMut<'a, H, A, B> {
    /// The header.
    #[inline]
    pub fn header(&self) -> &H {
        // SAFETY: K3: the exclusive borrow is ours; reading through &self is fine.
        unsafe { &*self.t.head().user.get() }
    }

    /// The header, mutably.
    #[inline]
    pub fn header_mut(&mut self) -> &mut H {
        // SAFETY: K3: exclusive borrow, and &mut self keeps other views of it out.
        unsafe { &mut *self.t.head().user.get() }
    }

    /// The byte area as `I`s.
    #[inline]
    pub fn ints<I: bytemuck::Pod>(&self) -> &[I] {
        // SAFETY: K2/K3 as TableRef::ints, under the exclusive borrow.
        unsafe { &*self.t.ints_raw::<I>() }
    }

    /// The entries.
    #[inline]
    pub fn entries(&self) -> Entries<'_, A, B> {
        let (is_b, first, n) = self.t.entries_raw();
        // SAFETY: K2/K3 as TableRef::entries, under the exclusive borrow.
        unsafe {
            if is_b {
                Entries::B(&*ptr::slice_from_raw_parts(first.cast::<B>(), n))
            } else {
                Entries::A(&*ptr::slice_from_raw_parts(first.cast::<A>(), n))
            }
        }
    }

    /// Header, byte area (as `I`s) and entries, all mutably at once (they are
    /// disjoint parts of the block).
    #[inline]
    pub fn parts_mut<I: bytemuck::Pod>(&mut self) -> (&mut H, &mut [I], EntriesMut<'_, A, B>) {
        let (is_b, first, n) = self.t.entries_raw();
        // SAFETY: K3: the exclusive borrow is ours and `&mut self` is held for the
        // returned lifetime; the header, the byte area and the entries do not overlap
        // (K1 layout), so three &mut to them are disjoint; K2: all initialised, and any
        // bit pattern is a valid Pod (the area is 8-aligned, checked in ints_raw).
        unsafe {
            let h = &mut *self.t.head().user.get();
            let ints = &mut *self.t.ints_raw::<I>();
            let e = if is_b {
                EntriesMut::B(&mut *ptr::slice_from_raw_parts_mut(first.cast::<B>(), n))
            } else {
                EntriesMut::A(&mut *ptr::slice_from_raw_parts_mut(first.cast::<A>(), n))
            };
            (h, ints, e)
        }
    }

    /// The table borrowed.
    #[inline]
    pub fn table(&self) -> &'a Table<H, A, B> {
        self.t
    }
}

// ----- hash-table entries under a tag ---------------------------------------------------

/// A `Table` header whose first word is a tag the user sets (a dict keys object's
/// version: 0 for none, else a number naming one state of the keys), followed by the
/// user's own header `X` (reached through Deref). The heap reads the tag itself, without
/// a borrow, in `value_if_tag` and `has_tag`.
#[repr(C)]
pub struct Tagged<X> {
    /// The tag: 0 for none.
    pub tag: Cell<u32>,
    /// The rest of the header.
    pub rest: X,
}

impl<X> std::ops::Deref for Tagged<X> {
    type Target = X;
    #[inline]
    fn deref(&self) -> &X {
        &self.rest
    }
}

impl<X> std::ops::DerefMut for Tagged<X> {
    #[inline]
    fn deref_mut(&mut self) -> &mut X {
        &mut self.rest
    }
}

/// An entry of a general hash table (CPython's 24-byte PyDictKeyEntry).
#[derive(Default)]
pub struct Entry {
    pub hash: i64,
    pub key: Option<crate::PyObj>,
    pub value: Option<crate::PyObj>,
}

/// An entry of a str-keys hash table, whose keys cache their hash (CPython's 16-byte
/// PyDictUnicodeEntry).
#[derive(Default)]
pub struct StrEntry {
    pub key: Option<crate::PyObj>,
    pub value: Option<crate::PyObj>,
}

impl<X: 'static> Table<Tagged<X>, Entry, StrEntry> {
    /// The tag, read in place without a borrow; None while the table is mutably
    /// borrowed.
    #[inline]
    fn tag_now(&self) -> Option<u32> {
        let head = self.head();
        if head.borrow.get() == BORROW_MUT {
            return None;
        }
        // SAFETY: K3': no TableMut is alive (the flag is not BORROW_MUT) and none can be
        // made while this reference lives: nothing runs here but this read.
        Some(unsafe { &*head.user.get() }.tag.get())
    }

    /// Is the tag still `tag` (not 0)? No borrow is taken (K3'). `tag` is a u64 so
    /// that a cache keeping wider numbers compares without a conversion: one past
    /// u32::MAX never matches.
    #[inline]
    pub fn has_tag(&self, tag: u64) -> bool {
        tag != 0 && self.tag_now().is_some_and(|t| u64::from(t) == tag)
    }

    /// The value of entry `ix` (a new handle) if the tag is still `tag` (not 0): what a
    /// cache of (tag, entry number) reads. Read in place without a borrow (K3'): None
    /// while the table is mutably borrowed, or when `ix` is past the end or the entry
    /// holds no value.
    #[inline]
    pub fn value_if_tag(&self, tag: u64, ix: usize) -> Option<crate::PyObj> {
        if !self.has_tag(tag) || ix >= self.len() {
            return None;
        }
        // SAFETY: K3': the flag was not BORROW_MUT just now and nothing has run since
        // that could make a TableMut: the reference below lives for this read and the
        // count increment of the clone alone, which run no code of the user's. K1/K2:
        // entry `ix` (< len) is initialised and lies at entries_ptr + ix, of the type
        // the block was made with.
        let v = unsafe {
            if self.is_b() {
                &(*self.entries_ptr::<StrEntry>().add(ix)).value
            } else {
                &(*self.entries_ptr::<Entry>().add(ix)).value
            }
        };
        v.clone()
    }
}

// ----- SmallTable ----------------------------------------------------------------------

#[repr(C)]
struct SmallHead<H> {
    n: u8,
    user: H,
}

#[inline]
fn small_dims<H, E>(n: usize) -> (Layout, usize) {
    let bytes_off = size_of::<SmallHead<H>>();
    let entries_off = round_up(bytes_off + n, align_of::<E>());
    let size = entries_off + n * size_of::<E>();
    let align = align_of::<SmallHead<H>>().max(align_of::<E>());
    (
        Layout::from_size_align(size, align).expect("at most 255 entries"),
        entries_off,
    )
}

/// Is a block of `layout` one that `object_alloc_small` serves (8..=SMALL_OBJECT
/// bytes at an alignment of at most 8)?
#[inline(always)]
fn small_block(layout: Layout) -> bool {
    (8..=SMALL_OBJECT).contains(&layout.size()) && layout.align() <= 8
}

/// A block for a small table of `layout` (null if it cannot be had): a small one
/// straight from its pymalloc size class, as `object_alloc` of the layout would
/// serve it; `SmallTable::drop` gives it back the same way.
#[inline(always)]
fn small_alloc(layout: Layout) -> *mut u8 {
    if small_block(layout) {
        // SAFETY: K1: a small block (8..=SMALL_OBJECT bytes, alignment <= 8).
        unsafe { object_alloc_small(layout.size()) }
    } else {
        // SAFETY: K1: the layout holds at least the one-byte count: not zero-sized.
        unsafe { object_alloc(layout) }
    }
}

impl InlineValues {
    /// `new(0, n, 0)` of an instance's values: a zero header, `n` zero order bytes
    /// and `n` empty slots, written by one fill of the block (an empty slot is
    /// all-zero bytes: `PyObj` is a transparent `NonNull`, so None is null). None
    /// if `n` is over `MAX` or the memory cannot be had.
    pub fn new_empty(n: usize) -> Option<Self> {
        if n > Self::MAX {
            return None;
        }
        let (layout, _) = small_dims::<u8, Option<crate::PyObj>>(n);
        let block = small_alloc(layout);
        let head = NonNull::new(block.cast::<SmallHead<u8>>())?;
        // SAFETY: K1/K2: the fresh block, `layout.size()` bytes, is written once:
        // all zero (the header 0, the order bytes 0, every slot None), then its
        // count.
        unsafe {
            ptr::write_bytes(block, 0, layout.size());
            ptr::addr_of_mut!((*head.as_ptr()).n).write(n as u8);
        }
        Some(SmallTable {
            head,
            _owns: PhantomData,
        })
    }
}

/// A table with one owner (like a `Box`): header `H`, then one byte per entry, then the
/// `n` entries (n <= 255). Dropping it drops the entries and frees the block. One
/// pointer wide (`Option<SmallTable>` too: None is null).
#[repr(transparent)]
pub struct SmallTable<H: 'static, E: Default + 'static> {
    head: NonNull<SmallHead<H>>,
    _owns: PhantomData<(H, E)>,
}

impl<H: 'static, E: Default + 'static> SmallTable<H, E> {
    /// The most entries a small table holds.
    pub const MAX: usize = u8::MAX as usize;

    /// A new block: `header`, `n` bytes equal to `fill`, `n` default entries. None if
    /// `n` is over `MAX` or the memory cannot be had.
    pub fn new(header: H, n: usize, fill: u8) -> Option<Self> {
        if n > Self::MAX {
            return None;
        }
        let (layout, entries_off) = small_dims::<H, E>(n);
        let block = small_alloc(layout);
        let head = NonNull::new(block.cast::<SmallHead<H>>())?;
        // SAFETY: K1/K2: each part of the fresh block is written once, at the offsets
        // its layout gives.
        unsafe {
            head.as_ptr().write(SmallHead {
                n: n as u8,
                user: header,
            });
            ptr::write_bytes(block.add(size_of::<SmallHead<H>>()), fill, n);
            fill_default::<E>(block.add(entries_off).cast(), n);
        }
        Some(SmallTable {
            head,
            _owns: PhantomData,
        })
    }

    #[inline]
    fn n(&self) -> usize {
        // SAFETY: K4: the handle owns the live block; `n` never changes (K1).
        unsafe { (*self.head.as_ptr()).n as usize }
    }

    /// The number of entries (and of side bytes).
    #[inline]
    pub fn len(&self) -> usize {
        self.n()
    }

    /// True if there are no entries.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.n() == 0
    }

    /// The bytes of the block: what the allocator handed out for it.
    pub fn block_size(&self) -> usize {
        small_dims::<H, E>(self.n()).0.size()
    }

    /// The bytes a small table of `n` entries takes.
    pub fn size_for(n: usize) -> usize {
        small_dims::<H, E>(n).0.size()
    }

    /// The block's address (an identity while the block lives).
    #[inline]
    pub fn addr(&self) -> usize {
        self.head.as_ptr().addr()
    }

    #[inline]
    fn raw_parts(&self) -> (*mut H, *mut [u8], *mut [E]) {
        let n = self.n();
        let base = self.head.as_ptr();
        let (_, entries_off) = small_dims::<H, E>(n);
        // SAFETY: K1: every part lies inside the block at the offsets its layout gives.
        unsafe {
            let user = ptr::addr_of_mut!((*base).user);
            let bytes = base.cast::<u8>().add(size_of::<SmallHead<H>>());
            let entries = base.cast::<u8>().add(entries_off).cast::<E>();
            (
                user,
                ptr::slice_from_raw_parts_mut(bytes, n),
                ptr::slice_from_raw_parts_mut(entries, n),
            )
        }
    }

    /// The header.
    #[inline]
    pub fn header(&self) -> &H {
        // SAFETY: K4: shared access through &self; K2: initialised.
        unsafe { &*self.raw_parts().0 }
    }

    /// The side bytes.
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: K4/K2 as `header`.
        unsafe { &*self.raw_parts().1 }
    }

    /// The entries.
    #[inline]
    pub fn entries(&self) -> &[E] {
        // SAFETY: K4/K2 as `header`.
        unsafe { &*self.raw_parts().2 }
    }

    /// Header, side bytes and entries, mutably (disjoint parts of the block).
    #[inline]
    pub fn parts_mut(&mut self) -> (&mut H, &mut [u8], &mut [E]) {
        let (h, b, e) = self.raw_parts();
        // SAFETY: K4: exclusive access through &mut self; the three parts do not
        // overlap (K1); K2: all initialised.
        unsafe { (&mut *h, &mut *b, &mut *e) }
    }

    /// The entries, mutably.
    #[inline]
    pub fn entries_mut(&mut self) -> &mut [E] {
        self.parts_mut().2
    }
}

impl<H: 'static, E: Default + 'static> Drop for SmallTable<H, E> {
    fn drop(&mut self) {
        // The count and layout read once, before the entries' drops (which may run
        // any code) rather than again after them.
        let n = self.n();
        let (layout, entries_off) = small_dims::<H, E>(n);
        let base = self.head.as_ptr();
        // SAFETY: K4: the one owner is going; K1: the entries lie at `entries_off`;
        // K2: header and entries are initialised and dropped here once; K1: freed
        // with the layout it was allocated with.
        unsafe {
            let entries = base.cast::<u8>().add(entries_off).cast::<E>();
            ptr::drop_in_place(ptr::slice_from_raw_parts_mut(entries, n));
            ptr::drop_in_place(ptr::addr_of_mut!((*base).user));
            let block = base.cast::<u8>();
            if small_block(layout) {
                // B1: a small block of this size, from pymalloc's size class
                // (`small_alloc`).
                object_dealloc_small(block, || layout.size());
            } else {
                object_dealloc(block, layout);
            }
        }
    }
}

impl<H: 'static, E: Default + 'static> std::fmt::Debug for SmallTable<H, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<small table at {:#x}>", self.addr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[derive(Default)]
    struct Big {
        hash: i64,
        val: Option<Rc<i64>>,
        _key: Option<Rc<i64>>,
    }

    #[derive(Clone, Copy, Default)]
    #[repr(C)]
    struct Hdr {
        a: u32,
        b: u32,
        c: u32,
        d: u32,
    }

    type T = Table<Hdr, Big, Option<Rc<i64>>>;

    #[test]
    fn table_layout_is_header_bytes_entries() {
        // A 32-byte header, 8 index bytes, 5 entries of 24 or 16 bytes.
        let t = T::new(Hdr::default(), 8, 0xff, 5, false).unwrap();
        assert_eq!(t.block_size(), 32 + 8 + 5 * 24);
        assert_eq!(T::size_for(8, 5, true), Some(32 + 8 + 5 * 8));
        assert!(!t.is_b());
        assert_eq!((t.len(), t.nbytes(), t.refs()), (5, 8, 1));
        let b = t.borrow().unwrap();
        assert!(b.ints::<i8>().iter().all(|&i| i == -1));
        assert_eq!(b.ints::<i16>().len(), 4);
        match b.entries() {
            Entries::A(e) => assert!(e.iter().all(|x| x.hash == 0 && x.val.is_none())),
            Entries::B(_) => panic!("made with A entries"),
        }
    }

    #[test]
    fn table_borrows_are_checked_and_entries_dropped() {
        let rc = Rc::new(7);
        let t = T::new(Hdr::default(), 16, 0, 3, true).unwrap();
        {
            let mut m = t.borrow_mut().unwrap();
            assert!(t.borrow().is_err());
            assert!(t.borrow_mut().is_err());
            let (h, ints, e) = m.parts_mut::<i64>();
            h.a = 42;
            ints[1] = -2;
            let EntriesMut::B(e) = e else { panic!() };
            e[2] = Some(rc.clone());
        }
        assert_eq!(Rc::strong_count(&rc), 2);
        let t2 = t.clone();
        assert_eq!(t.refs(), 2);
        assert!(t.same(&t2));
        {
            let r1 = t.borrow().unwrap();
            let r2 = t2.borrow().unwrap();
            assert!(t.borrow_mut().is_err());
            assert_eq!(r1.header().a, 42);
            assert_eq!(r2.ints::<i64>(), &[0, -2]);
            assert_eq!(r1.ints::<u8>().len(), 16);
        }
        drop(t);
        assert_eq!(Rc::strong_count(&rc), 2);
        drop(t2);
        assert_eq!(Rc::strong_count(&rc), 1);
    }

    #[test]
    fn tagged_values_are_read_in_place_under_their_tag() {
        use crate::tests::{lst, types};
        type K = Table<Tagged<u32>, Entry, StrEntry>;
        let ty = types();
        for use_b in [false, true] {
            let head = Tagged {
                tag: Cell::new(0),
                rest: 0,
            };
            let t = K::new(head, 8, 0xff, 3, use_b).unwrap();
            let v = lst(&ty, vec![]);
            {
                let mut m = t.borrow_mut().unwrap();
                let (h, _, e) = m.parts_mut::<i8>();
                h.tag.set(7);
                match e {
                    EntriesMut::A(e) => e[1].value = Some(v.clone()),
                    EntriesMut::B(e) => e[1].value = Some(v.clone()),
                }
                // Mutably borrowed: nothing is read.
                assert!(!t.has_tag(7));
                assert!(t.value_if_tag(7, 1).is_none());
            }
            assert_eq!(v.refcnt(), 2);
            assert!(t.has_tag(7));
            assert!(!t.has_tag(0) && !t.has_tag(8) && !t.has_tag(7 + (1 << 32)));
            let r = t.value_if_tag(7, 1).unwrap();
            assert!(r.is(&v));
            assert_eq!(v.refcnt(), 3);
            drop(r);
            assert_eq!(v.refcnt(), 2);
            // An empty entry, one past the end, another tag.
            assert!(t.value_if_tag(7, 0).is_none());
            assert!(t.value_if_tag(7, 3).is_none());
            assert!(t.value_if_tag(6, 1).is_none());
            {
                // Shared borrows do not stop the reads.
                let r = t.borrow().unwrap();
                assert_eq!(r.header().tag.get(), 7);
                assert!(t.value_if_tag(7, 1).is_some());
                r.header().tag.set(0);
            }
            assert!(!t.has_tag(0) && !t.has_tag(7));
            assert!(t.value_if_tag(0, 1).is_none());
            drop(t);
            assert_eq!(v.refcnt(), 1);
        }
    }

    #[test]
    fn small_table_is_cpythons_values_block() {
        type V = SmallTable<u8, Option<Rc<i64>>>;
        for n in 1..=30 {
            assert_eq!(V::size_for(n), round_up(n + 2, 8) + 8 * n);
        }
        let rc = Rc::new(1);
        let mut v = V::new(0, 29, 0).unwrap();
        assert_eq!(v.block_size(), 32 + 29 * 8);
        assert_eq!((v.len(), *v.header()), (29, 0));
        {
            let (count, order, vals) = v.parts_mut();
            *count = 1;
            order[0] = 3;
            vals[3] = Some(rc.clone());
        }
        assert_eq!(v.bytes()[0], 3);
        assert!(v.entries()[3].is_some());
        assert_eq!(Rc::strong_count(&rc), 2);
        drop(v);
        assert_eq!(Rc::strong_count(&rc), 1);
        assert!(V::new(0, 256, 0).is_none());
    }

    #[test]
    fn inline_values_start_empty() {
        // Small blocks (from a size class) and one over SMALL_OBJECT bytes.
        for n in [1, 4, 29, 100, 255] {
            let mut v = InlineValues::new_empty(n).unwrap();
            assert_eq!((v.len(), *v.header()), (n, 0));
            assert_eq!(v.block_size(), InlineValues::size_for(n));
            assert!(v.bytes().iter().all(|&b| b == 0));
            assert!(v.entries().iter().all(Option::is_none));
            let (count, order, _) = v.parts_mut();
            *count = 1;
            order[n - 1] = 7;
            assert_eq!(v.bytes()[n - 1], 7);
        }
        assert!(InlineValues::new_empty(256).is_none());
    }
}
