# SPDX-License-Identifier: Apache-2.0
# Fails when shellcheck finds anything in the project's shell scripts: every file under scripts/, .ci/, installer/
# (the MDM scripts of installer/fleet/) and every tests/**/*.sh that starts
# with a sh or bash #! line or names its shell with a shellcheck directive (scripts/lib/common.sh is sourced, never
# run). --external-sources follows the scripts' `source` of scripts/lib/common.sh (their source-path directives).
# installer/fleet/*.sh must be among them (they are shipped to MDMs): the check fails if one is missing.
# Run: cmake -DSHELLCHECK=... -DSOURCE_DIR=... -P
file(GLOB_RECURSE candidates RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/scripts/* ${SOURCE_DIR}/.ci/*
    ${SOURCE_DIR}/installer/* ${SOURCE_DIR}/tests/*.sh)
set(files)
foreach(candidate IN LISTS candidates)
    file(READ ${SOURCE_DIR}/${candidate} head LIMIT 4096)
    if(head MATCHES "^#![^\n]*[/ ](ba)?sh[ \t\r\n]" OR head MATCHES "(^|\n)# shellcheck shell=")
        list(APPEND files ${candidate})
    endif()
endforeach()
file(GLOB fleet RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/installer/fleet/*.sh)
foreach(script IN LISTS fleet)
    list(FIND files ${script} index)
    if(index EQUAL -1)
        message(FATAL_ERROR "${script} is not recognised as a shell script (a #!/bin/sh line)")
    endif()
endforeach()
list(LENGTH files count)
if(count EQUAL 0)
    message(FATAL_ERROR "no shell scripts found under ${SOURCE_DIR}/scripts and ${SOURCE_DIR}/.ci")
endif()
list(SORT files)
execute_process(COMMAND ${SHELLCHECK} --external-sources ${files}
    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "shellcheck found the problems above")
endif()
list(JOIN files " " names)
message(STATUS "${count} shell scripts pass shellcheck: ${names}")
