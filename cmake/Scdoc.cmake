# Builds one man page with scdoc, which reads stdin and writes stdout.
#   cmake -DSCDOC=/usr/bin/scdoc -DINPUT=page.1.scd -DOUTPUT=page.1 -P Scdoc.cmake
execute_process(COMMAND "${SCDOC}"
  INPUT_FILE "${INPUT}" OUTPUT_FILE "${OUTPUT}.tmp" ERROR_VARIABLE errors RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "scdoc failed on ${INPUT}:\n${errors}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
