#ifndef PIKIR_CLIBCSV_SHIM_H
#define PIKIR_CLIBCSV_SHIM_H
#include <csv.h>
#endif
