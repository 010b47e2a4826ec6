/* fuzz-target.c: one libFuzzer target per parser entry (FUZZ_ENTRY picks it at build time) */
#include "config.h"

#include "fuzz-entries.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_run_entry (FUZZ_ENTRY, data, size);
  return 0;
}
