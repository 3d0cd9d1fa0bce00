# gloss_imgui: Dear ImGui 1.86 compiled from Debian's *source* package (fetched into third_party/imgui by
# scripts/setup.sh), so the native and Emscripten builds draw with exactly the same ImGui. Only the core
# files: no demo, no backends (hosts add the backends they need), no file functions (the panel has no file
# I/O; hosts load fonts and articles themselves).
set(GLOSS_IMGUI_DIR "${GLOSS_THIRD_PARTY_DIR}/imgui" CACHE PATH "Dear ImGui 1.86 sources (Debian source package)")
if(NOT EXISTS "${GLOSS_IMGUI_DIR}/imgui.cpp" OR NOT EXISTS "${GLOSS_IMGUI_DIR}/imgui_tables.cpp")
  message(FATAL_ERROR
    "Dear ImGui sources not found in ${GLOSS_IMGUI_DIR}.\n"
    "Run scripts/setup.sh first (it fetches Debian's imgui 1.86 source package into third_party/), "
    "or point -DGLOSS_IMGUI_DIR=<dir> at an imgui 1.86 source tree.")
endif()

if(NOT TARGET gloss_imgui)
  add_library(gloss_imgui STATIC
    "${GLOSS_IMGUI_DIR}/imgui.cpp"
    "${GLOSS_IMGUI_DIR}/imgui_draw.cpp"
    "${GLOSS_IMGUI_DIR}/imgui_tables.cpp"
    "${GLOSS_IMGUI_DIR}/imgui_widgets.cpp")
  # SYSTEM: ImGui's headers do not trip our warning flags in the targets that include them.
  target_include_directories(gloss_imgui SYSTEM PUBLIC "${GLOSS_IMGUI_DIR}")
  target_compile_definitions(gloss_imgui PUBLIC IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  if(EMSCRIPTEN)
    # The browser module never shows ImGui's Metrics/Debugger or Stack Tool windows; without this, NewFrame's
    # debug-tool hooks still link their code into the download (-0.6 KB gzip).
    target_compile_definitions(gloss_imgui PUBLIC IMGUI_DISABLE_METRICS_WINDOW)
  endif()
  target_compile_options(gloss_imgui PRIVATE -w)
  add_library(imgui::imgui ALIAS gloss_imgui)
endif()
