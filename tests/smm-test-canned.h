/* smm-test-canned.h: a panel that answers each action with a fixed reply, for the replies of
 * real panels that the simulator does not give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SmmTestCanned SmmTestCanned;

SmmTestCanned *smm_test_canned_new        (void);
void           smm_test_canned_free       (SmmTestCanned *self);
char          *smm_test_canned_dup_url    (SmmTestCanned *self);
void           smm_test_canned_set        (SmmTestCanned *self,
                                           const char    *action,
                                           const char    *body);
void           smm_test_canned_set_reply  (SmmTestCanned *self,
                                           const char    *action,
                                           const char    *reply_file);
guint          smm_test_canned_count      (SmmTestCanned *self,
                                           const char    *action);
const char    *smm_test_canned_get_field  (SmmTestCanned *self,
                                           const char    *action,
                                           const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmmTestCanned, smm_test_canned_free)

G_END_DECLS
