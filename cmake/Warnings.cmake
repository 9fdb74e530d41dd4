# Warnings live in an INTERFACE target that every kith target links.
add_library(kith_warnings INTERFACE)
target_compile_options(kith_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(KITH_WERROR)
  target_compile_options(kith_warnings INTERFACE -Werror)
endif()
