#ifndef PIKIR_CFUZZERDRIVER_SHIM_H
#define PIKIR_CFUZZERDRIVER_SHIM_H
#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (LLVM 11 and later), linked by `-sanitize=fuzzer`.
 * SwiftPM gives every executable its own `main`, so the fuzz targets call
 * the driver from theirs instead of linking libFuzzer's `main`. Only
 * referenced when built with -DPIKIR_FUZZ. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
