/* infile: opening an input (a questionnaire, a Lua file) without ever
 * blocking on it. A FIFO, a device (/dev/zero), a socket or a directory
 * named as an input is refused with a message that says what it is; only a
 * regular file is read. */
#ifndef DILIGO_INFILE_H
#define DILIGO_INFILE_H

#include "err.h"

/* Open path for reading: *fd is a regular file, or ERR_IO with e set
 * ("cannot read 'x': not a regular file (a FIFO)", "... Is a directory",
 * "cannot open 'x': No such file or directory"). */
int infile_open(const char *path, int *fd, struct err *e);
/* What kind of file st_mode names, for messages: "a FIFO", "a directory" ... */
const char *infile_kind(unsigned mode);

#endif
