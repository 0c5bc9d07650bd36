#ifndef KCZY_CLIBPQ_SHIM_H
#define KCZY_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
