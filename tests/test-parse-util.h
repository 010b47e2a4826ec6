/* test-parse-util.h: what the parser's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-money.h"

#define assert_money(m, text)                             \
  G_STMT_START {                                          \
    g_autofree char *_w = smm_money_to_wire (m);          \
    g_assert_cmpstr (_w, ==, text);                       \
  } G_STMT_END
