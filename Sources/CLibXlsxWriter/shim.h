#ifndef PIKIR_CLIBXLSXWRITER_SHIM_H
#define PIKIR_CLIBXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
