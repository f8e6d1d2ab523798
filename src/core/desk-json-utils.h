/* desk-json-utils.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Reading the data files people may write themselves (checklist templates, deadline rules):
 * every error names the file and the place in it (@where, e.g. "my.json, rule 2 (“gdpr”)") and
 * the member that is wrong, in the caller's error @domain and @code. */

JsonArray  *desk_json_read_file_list  (JsonParser   *parser,
                                       const char   *data,
                                       gssize        length,
                                       const char   *name,
                                       const char   *list_member,
                                       int           max_version,
                                       GQuark        domain,
                                       int           code,
                                       GError      **error);
gboolean    desk_json_get_string      (JsonObject   *object,
                                       const char   *member,
                                       gboolean      required,
                                       const char   *where,
                                       GQuark        domain,
                                       int           code,
                                       const char  **value,
                                       GError      **error);
gboolean    desk_json_get_id          (JsonObject   *object,
                                       const char   *member,
                                       const char   *where,
                                       GQuark        domain,
                                       int           code,
                                       const char  **value,
                                       GError      **error);
gboolean    desk_json_get_array       (JsonObject   *object,
                                       const char   *member,
                                       gboolean      required,
                                       const char   *where,
                                       GQuark        domain,
                                       int           code,
                                       JsonArray   **value,
                                       GError      **error);
void        desk_json_translate       (char        **text);

G_END_DECLS
