// operator new and delete for the WebAssembly modules: blocks of up to 256 bytes come from free lists, one
// per size class; larger ones from malloc.
//
// Why: annotate() allocates tens of thousands of small blocks per MB (entity names, spans, tokens), and
// emmalloc, chosen for its small code, spent about 13% of annotate()'s time in malloc and free (measured
// with a bump allocator in their place). A free-list pop or push is a few instructions.
//
// How: small blocks are cut from 16 KB pages, each page serving one size class; a table with one byte per
// 16 KB of the 32-bit address space records which pages are ours and their class, so delete needs no
// header and tells our blocks from malloc's. Pages are never returned: the heap keeps the most small blocks
// ever live at once (one document's worth), and repeated calls reuse them (no growth).
// Single-threaded, as the modules are built without threads.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

static_assert(sizeof(void*) == 4, "the page table covers a 32-bit address space (WebAssembly)");

constexpr std::size_t kPageBits = 14;
constexpr std::size_t kPageSize = std::size_t{1} << kPageBits;
constexpr std::size_t kGrain = __STDCPP_DEFAULT_NEW_ALIGNMENT__;  // 8 in wasm32
constexpr std::size_t kMaxSmall = 256;
constexpr std::size_t kClasses = kMaxSmall / kGrain;

struct SizeClass {
  void* free_list = nullptr;  // freed blocks, each holding the next one's address
  char* next = nullptr;       // not yet used part of the class's newest page
  char* end = nullptr;
};

SizeClass classes[kClasses];
std::uint8_t page_class[(std::uint64_t{1} << 32) >> kPageBits];  // 0: not ours; else class index + 1

std::uint8_t& class_of_page(const void* p) { return page_class[reinterpret_cast<std::uintptr_t>(p) >> kPageBits]; }

void* allocate(std::size_t n) {
  if (n > kMaxSmall) return std::malloc(n);
  const std::size_t k = n == 0 ? 0 : (n - 1) / kGrain;
  SizeClass& c = classes[k];
  if (void* p = c.free_list) {
    c.free_list = *static_cast<void**>(p);
    return p;
  }
  const std::size_t size = (k + 1) * kGrain;
  if (static_cast<std::size_t>(c.end - c.next) < size) {
    char* page = static_cast<char*>(std::aligned_alloc(kPageSize, kPageSize));
    if (!page) return nullptr;
    class_of_page(page) = static_cast<std::uint8_t>(k + 1);
    c.next = page;
    c.end = page + kPageSize;
  }
  void* p = c.next;
  c.next += size;
  return p;
}

void deallocate(void* p) {
  if (!p) return;
  const std::uint8_t k = class_of_page(p);
  if (k == 0) return std::free(p);
  SizeClass& c = classes[k - 1];
  *static_cast<void**>(p) = c.free_list;
  c.free_list = p;
}

void* allocate_or_abort(std::size_t n) {
  void* p = allocate(n);
  if (!p) std::abort();  // as the default operator new does in these modules (built without exceptions)
  return p;
}

}  // namespace

void* operator new(std::size_t n) { return allocate_or_abort(n); }
void* operator new[](std::size_t n) { return allocate_or_abort(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void operator delete(void* p) noexcept { deallocate(p); }
void operator delete[](void* p) noexcept { deallocate(p); }
void operator delete(void* p, std::size_t) noexcept { deallocate(p); }
void operator delete[](void* p, std::size_t) noexcept { deallocate(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { deallocate(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { deallocate(p); }
