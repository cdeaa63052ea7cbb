/*
 * fuzz_catalog.c - libFuzzer harness for the catalog loader.
 *
 * Each input is split into the four catalog files by fuzz_input.h and
 * loaded with catalog_load_buffer; everything is released afterwards, so
 * AddressSanitizer's leak check sees any loader leak.  Memory errors and
 * undefined behaviour are caught by the sanitizers; a loader that breaks
 * a promise of catalog.h (an index out of range, a failure without a
 * diagnostic, ...) is turned into a crash here so the fuzzer saves it.
 *
 * Build: cmake -DENABLE_FUZZING=ON -DCMAKE_C_COMPILER=clang, target
 * fuzz_catalog; run as in tests/fuzz/README.md.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fuzz_catalog_run(data, size) < 0)
        abort();
    return 0;
}
