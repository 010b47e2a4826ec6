/* smm-process.c: what every SMM Desk program does first
 *
 * Tracking allocates ~150 KB for each answer of 100 orders (the JSON tree) and frees it again.
 * With glibc's default trim threshold, each free gave that memory back to the kernel and the
 * next answer faulted it in again: a refresh of 10,000 orders spent ~0.3 s of its 1.5 s in brk()
 * and page faults (perf; benchmarks/README.md). Serving blocks under 4 MB from the heap, and
 * keeping up to 16 MB of freed memory for reuse, brings the refresh to ~1.2 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>   /* defines __GLIBC__ where it applies */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "smm-process.h"

void
smm_process_init (void)
{
#ifdef __GLIBC__
  /* both: setting one turns off glibc's own adjusting of the other, and blocks over the mmap
   * threshold would then be mapped and unmapped each time instead */
  mallopt (M_MMAP_THRESHOLD, 4 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 16 * 1024 * 1024);
#endif
}
