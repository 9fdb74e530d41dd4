# Writes a ctest file with one test per GoogleTest suite of TEST_EXECUTABLE
# (run as `--gtest_filter=Suite.*`), read from its `--gtest_list_tests` JSON.
#   cmake -DTEST_EXECUTABLE=... -DOUTPUT=... -DTIMEOUT=... -P GTestSuites.cmake
set(listing "${OUTPUT}.json")
execute_process(
  COMMAND "${TEST_EXECUTABLE}" --gtest_list_tests "--gtest_output=json:${listing}"
  OUTPUT_QUIET
  RESULT_VARIABLE status
  TIMEOUT 60)
if(NOT status EQUAL 0 OR NOT EXISTS "${listing}")
  message(FATAL_ERROR "${TEST_EXECUTABLE} --gtest_list_tests failed: ${status}")
endif()
file(READ "${listing}" json)
string(JSON count LENGTH "${json}" testsuites)
set(content "")
math(EXPR last "${count} - 1")
# COST orders a first run, before ctest has timed any: the suites with the
# most cases start first, an end-to-end case (which runs the binary) counting
# as 20 unit cases, so that a long suite does not start last on 2 cores.
foreach(i RANGE ${last})
  string(JSON suite GET "${json}" testsuites ${i} name)
  string(JSON cases GET "${json}" testsuites ${i} tests)
  string(JSON file GET "${json}" testsuites ${i} testsuite 0 file)
  set(cost ${cases})
  if(file MATCHES "/e2e/")
    math(EXPR cost "${cases} * 20")
  endif()
  string(APPEND content
    "add_test([==[${suite}]==] [==[${TEST_EXECUTABLE}]==] [==[--gtest_filter=${suite}.*]==])\n"
    "set_tests_properties([==[${suite}]==] PROPERTIES TIMEOUT ${TIMEOUT} COST ${cost})\n")
endforeach()
file(WRITE "${OUTPUT}" "${content}")
