# Every dependency comes from a Debian package; a missing one stops configure with
# the name of the package to install (scripts/deps installs them all).
function(kith_require package debian_package)
  find_package(${package} ${ARGN} QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR
      "kith needs ${package}. On Debian or Ubuntu: sudo apt-get install ${debian_package}\n"
      "(or run scripts/deps, which installs everything kith needs)")
  endif()
endfunction()

find_package(Threads REQUIRED)
kith_require(CLI11 libcli11-dev)
kith_require(nlohmann_json nlohmann-json3-dev)
kith_require(date libhowardhinnant-date-dev)

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(UTF8PROC QUIET IMPORTED_TARGET libutf8proc)
endif()
if(NOT UTF8PROC_FOUND)
  message(FATAL_ERROR
    "kith needs utf8proc. On Debian or Ubuntu: sudo apt-get install libutf8proc-dev pkg-config")
endif()
# ICU: the transliteration of names in other scripts than Latin (core/transliterate).
if(PkgConfig_FOUND)
  pkg_check_modules(ICU QUIET IMPORTED_TARGET icu-uc icu-i18n)
endif()
if(NOT ICU_FOUND)
  message(FATAL_ERROR
    "kith needs ICU. On Debian or Ubuntu: sudo apt-get install libicu-dev pkg-config")
endif()

# libical: the recurrence rules and the VTIMEZONEs of calendars kith reads (core/ics_recur).
if(PkgConfig_FOUND)
  pkg_check_modules(LIBICAL QUIET IMPORTED_TARGET libical)
endif()
if(NOT LIBICAL_FOUND)
  message(FATAL_ERROR
    "kith needs libical. On Debian or Ubuntu: sudo apt-get install libical-dev pkg-config")
endif()

# GMime: the header fields of mail, read by `kith scan mail` (core/mail_read).
if(PkgConfig_FOUND)
  pkg_check_modules(GMIME QUIET IMPORTED_TARGET gmime-3.0)
endif()
if(NOT GMIME_FOUND)
  message(FATAL_ERROR
    "kith needs GMime 3. On Debian or Ubuntu: sudo apt-get install libgmime-3.0-dev pkg-config")
endif()

# Graphviz: the layout and the SVG and PNG images of `kith graph` (core/graph_render),
# used as a library; its DOT output needs no Graphviz.
if(PkgConfig_FOUND)
  pkg_check_modules(GRAPHVIZ QUIET IMPORTED_TARGET libgvc libcgraph)
endif()
if(NOT GRAPHVIZ_FOUND)
  message(FATAL_ERROR
    "kith needs Graphviz's libraries. On Debian or Ubuntu: sudo apt-get install libgraphviz-dev pkg-config")
endif()

if(KITH_BUILD_TESTS)
  kith_require(GTest libgtest-dev)
endif()
