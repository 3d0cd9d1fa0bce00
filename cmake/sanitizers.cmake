# GLOSS_SANITIZE: ASan + UBSan for everything built after this point (the `debug` preset).
if(GLOSS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# GLOSS_FUZZ: libFuzzer targets (clang only). Everything is instrumented for coverage; the fuzzers
# themselves link the libFuzzer driver.
option(GLOSS_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)
if(GLOSS_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
