# The entity recogniser's lexicon: core/data/build_lexicon.py compiles Debian's iso-codes, WordNet,
# wamerican and first-name lists plus core/data/entity_*.tsv into one byte array in a generated .cpp, so
# the native and WASM builds embed the same bytes (both run the same host Python at build time).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(_gloss_lex_cpp "${CMAKE_CURRENT_BINARY_DIR}/generated/entity_lexicon_data.cpp")
set(_gloss_lex_deps
  "${CMAKE_CURRENT_SOURCE_DIR}/data/build_lexicon.py"
  "${CMAKE_CURRENT_SOURCE_DIR}/data/entity_cues.tsv"
  "${CMAKE_CURRENT_SOURCE_DIR}/data/entity_names.tsv")
foreach(_f /usr/share/dict/american-english /usr/share/wordnet/data.noun /usr/share/wordnet/data.adj
           /usr/share/iso-codes/json/iso_3166-1.json /usr/share/iso-codes/json/iso_3166-2.json
           /usr/share/perl5/Text/Names.pm /usr/share/dict/propernames.gz /usr/share/misc/cities.dat.gz)
  if(EXISTS "${_f}")
    list(APPEND _gloss_lex_deps "${_f}")
  endif()
endforeach()
add_custom_command(
  OUTPUT "${_gloss_lex_cpp}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/generated"
  COMMAND Python3::Interpreter "${CMAKE_CURRENT_SOURCE_DIR}/data/build_lexicon.py"
          --data "${CMAKE_CURRENT_SOURCE_DIR}/data" --out "${_gloss_lex_cpp}"
          --text "${CMAKE_CURRENT_BINARY_DIR}/generated/entity_lexicon.txt"
  DEPENDS ${_gloss_lex_deps}
  COMMENT "Compiling the entity lexicon (core/data/build_lexicon.py)"
  VERBATIM)
target_sources(gloss_core PRIVATE "${_gloss_lex_cpp}")
