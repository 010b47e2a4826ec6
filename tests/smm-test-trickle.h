/* smm-test-trickle.h: a panel that answers a byte at a time, for the client's deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SmmTestTrickle SmmTestTrickle;

SmmTestTrickle *smm_test_trickle_new      (guint           interval_ms);
void            smm_test_trickle_free     (SmmTestTrickle *self);
char           *smm_test_trickle_dup_url  (SmmTestTrickle *self);
guint           smm_test_trickle_count    (SmmTestTrickle *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmmTestTrickle, smm_test_trickle_free)

G_END_DECLS
