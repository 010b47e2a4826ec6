/* smm-json-reader.h: what the parsers share for reading untrusted JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "smm-api-error.h"
#include "smm-json-scan.h"
#include "smm-money.h"

G_BEGIN_DECLS

typedef void (*SmmJsonItemFunc) (gint64     id,
                                 JsonNode  *value,
                                 GPtrArray *results);

JsonNode   *smm_json_load_document    (const char       *data,
                                       gsize             length,
                                       SmmJsonReply      kind,
                                       GError          **error);
char       *smm_json_node_dup_text    (JsonNode         *node);
char       *smm_json_node_dup_line    (JsonNode         *node);
gboolean    smm_json_node_get_int     (JsonNode         *node,
                                       gint64           *out);
gboolean    smm_json_node_get_id      (JsonNode         *node,
                                       gint64           *out);
gboolean    smm_json_node_get_money   (JsonNode         *node,
                                       SmmMoney         *out);
gboolean    smm_json_node_get_bool    (JsonNode         *node,
                                       gboolean         *out);
char       *smm_json_member_dup_text  (JsonObject       *object,
                                       const char       *name);
JsonNode   *smm_json_member           (JsonObject       *object,
                                       const char       *name);
GError     *smm_json_error_from_reply (JsonNode         *node);
JsonNode   *smm_json_unwrap_single    (JsonNode         *root);
gboolean    smm_json_unexpected       (GError          **error,
                                       const char       *message);
JsonNode   *smm_json_load_single      (const char       *data,
                                       gsize             length,
                                       GError          **error);
gboolean    smm_json_id_was_asked     (gint64            id,
                                       const gint64     *ids,
                                       guint             n_ids);
gboolean    smm_json_object_is_id_map (JsonObject       *object);
gboolean    smm_json_for_each_item    (JsonNode         *root,
                                       const char       *id_member,
                                       const gint64     *ids,
                                       guint             n_ids,
                                       SmmJsonItemFunc   func,
                                       GPtrArray        *results,
                                       GError          **error);
JsonNode   *smm_json_load_batch       (const char       *data,
                                       gsize             length,
                                       gboolean         *single_form,
                                       const char       *single_member,
                                       GError          **error);

G_END_DECLS
