/* smm-process.c: what every SMM Desk program does first
 *
 * Tracking allocates ~150 KB for each answer of 100 orders (the JSON tree) and frees it again.
 * With glibc's default trim threshold, each free gave that memory back to the kernel and the
 * next answer faulted it in again: a refresh of 10,000 orders spent ~0.3 s of its 1.5 s in brk()
 * and page faults (perf; benchmarks/README.md). Serving blocks under 4 MB from the heap, and
 * keeping up to 16 MB of freed memory for reuse, brings the refresh to ~1.2 s.
 *
 * The API keys in memory are kept from other eyes: the process leaves no core dump (which would
 * hold them in clear, for anyone who reads the dump later), and a key given in the environment
 * leaves the environment once read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>   /* defines __GLIBC__ where it applies */
#include <string.h>
#include <sys/resource.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "smm-process.h"
#include "smm-secrets.h"

void
smm_process_init (void)
{
#ifdef __GLIBC__
  /* both: setting one turns off glibc's own adjusting of the other, and blocks over the mmap
   * threshold would then be mapped and unmapped each time instead */
  mallopt (M_MMAP_THRESHOLD, 4 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 16 * 1024 * 1024);
#endif
  {
    const struct rlimit none = { 0, 0 };

    /* a dump would hold the keys of every account in clear. Not dumpable also means that
     * other processes of the user cannot ptrace this one or read its /proc/PID/mem or environ:
     * a debugger must start SMM Desk itself, it cannot attach. The limit is for the systems
     * whose core handler dumps root-only copies of processes that are not dumpable. */
#ifdef __linux__
    prctl (PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
    setrlimit (RLIMIT_CORE, &none);
  }
}

/**
 * smm_process_take_env:
 * @name: an environment variable that holds a secret, such as `SMM_API_KEY`
 *
 * Reads @name and takes it out of the environment: no child started later gets it, and
 * /proc/PID/environ (which shows the memory of the environment the process started with, not
 * the variables as they are now) no longer holds it: the text is wiped where it was. Call it
 * before any thread starts.
 *
 * Returns: (transfer full) (nullable): the value, in non-pageable memory (free it with
 *   smm_secrets_free_key()), or %NULL when @name is not set
 */
char *
smm_process_take_env (const char *name)
{
  char *value = (char *) g_getenv (name);
  gsize name_len = strlen (name);
  char *entry;
  char *copy;

  if (value == NULL)
    return NULL;
  copy = smm_secrets_dup_key (value);
  /* "NAME=value" is one string: unset first (which drops the pointer, not the text), then wipe */
  entry = value - name_len - 1;
  g_unsetenv (name);
  if (strncmp (entry, name, name_len) == 0 && entry[name_len] == '=')
    memset (entry, 0, name_len + 1 + strlen (value));
  else
    memset (value, 0, strlen (value));
  return copy;
}
