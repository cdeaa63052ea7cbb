/*
 * fuzz_import_pwc.c - libFuzzer target for `benchcov import pwc`: see
 * fuzz_import.h for how an input becomes options and a file, and what is
 * checked.  Build and run as tests/fuzz/README.md says, with the corpus
 * tests/fuzz/corpus_pwc.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fuzz_import_run(FUZZ_PWC, data, size) < 0)
        abort();
    return 0;
}
