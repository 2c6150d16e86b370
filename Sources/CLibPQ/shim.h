#ifndef PIKIR_CLIBPQ_SHIM_H
#define PIKIR_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
