# gloss_warnings(target): the project's warning flags, in one place.
function(gloss_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
endfunction()
