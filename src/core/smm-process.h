/* smm-process.h: what every SMM Desk program does first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  smm_process_init     (void);
char *smm_process_take_env (const char *name);

G_END_DECLS
