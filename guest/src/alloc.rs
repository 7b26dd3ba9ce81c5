//! The global allocator on wasm32: the system allocator, but an allocation
//! failure (the host's memory limit was reached) traps in a function whose
//! name the host looks for, so it can report `LimitExceeded` instead of a
//! generic trap.

use std::alloc::{GlobalAlloc, Layout, System};

pub struct LimitAwareAlloc;

#[inline(never)]
#[no_mangle]
pub extern "C" fn riptide_memory_limit_exceeded() -> ! {
    core::arch::wasm32::unreachable()
}

unsafe impl GlobalAlloc for LimitAwareAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if p.is_null() {
            riptide_memory_limit_exceeded();
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if p.is_null() {
            riptide_memory_limit_exceeded();
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            riptide_memory_limit_exceeded();
        }
        p
    }
}
