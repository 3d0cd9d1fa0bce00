# GLOSS_SANITIZE: ASan + UBSan for everything built after this point (the `debug` preset).
if(GLOSS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
