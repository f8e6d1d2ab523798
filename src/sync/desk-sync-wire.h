/* desk-sync-wire.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "desk-store-sync.h"

G_BEGIN_DECLS

#define DESK_SYNC_ERROR (desk_sync_error_quark ())

/**
 * DeskSyncError:
 * @DESK_SYNC_ERROR_INVALID: malformed data (a 400 from the server)
 * @DESK_SYNC_ERROR_UNAUTHORIZED: no token or an unknown one (401)
 * @DESK_SYNC_ERROR_FORBIDDEN: a read-only token writing (403)
 * @DESK_SYNC_ERROR_NOT_FOUND: no such path or page (404)
 * @DESK_SYNC_ERROR_UNKNOWN_REFERENCE: accounts of records the server never received (409)
 * @DESK_SYNC_ERROR_TOO_LARGE: over a size limit (413)
 * @DESK_SYNC_ERROR_SERVER: the server failed (5xx)
 * @DESK_SYNC_ERROR_PROTOCOL: the server's answer makes no sense
 * @DESK_SYNC_ERROR_NETWORK: the server cannot be reached
 * @DESK_SYNC_ERROR_TIMEOUT: the server or the client took too long
 * @DESK_SYNC_ERROR_TLS: the server's certificate is not trusted, or TLS failed
 * @DESK_SYNC_ERROR_INSECURE: plain HTTP to a host that is not this machine
 * @DESK_SYNC_ERROR_CONFIG: a bad endpoint, tokens file, CA file or certificate
 */
typedef enum
{
  DESK_SYNC_ERROR_INVALID,
  DESK_SYNC_ERROR_UNAUTHORIZED,
  DESK_SYNC_ERROR_FORBIDDEN,
  DESK_SYNC_ERROR_NOT_FOUND,
  DESK_SYNC_ERROR_UNKNOWN_REFERENCE,
  DESK_SYNC_ERROR_TOO_LARGE,
  DESK_SYNC_ERROR_SERVER,
  DESK_SYNC_ERROR_PROTOCOL,
  DESK_SYNC_ERROR_NETWORK,
  DESK_SYNC_ERROR_TIMEOUT,
  DESK_SYNC_ERROR_TLS,
  DESK_SYNC_ERROR_INSECURE,
  DESK_SYNC_ERROR_CONFIG,
} DeskSyncError;

/* The reference server's limits (docs/sync-api.md, "Limits"). */
#define DESK_SYNC_MAX_BODY          (16 * 1024 * 1024)
#define DESK_SYNC_MAX_CHANGES       1000
#define DESK_SYNC_MAX_ACCOUNT_ROWS  50000
#define DESK_SYNC_MAX_PULL          1000

#define DESK_SYNC_NDJSON "application/x-ndjson"

/**
 * DeskSyncAccountPage:
 * @batch: the push's batch id, or %NULL
 * @incident: the incident's UUID
 * @revision: the page's revision, in an answer; 0 otherwise
 * @customers: (element-type utf8): the customers' UUIDs, by index
 * @categories: (element-type utf8): the categories' UUIDs, by bit
 * @accounts: (element-type DeskSyncAccount): the accounts, by index and bit of the above
 * @strings: holds the accounts' identifiers
 * @rows: (nullable): the rows as they were read, after the header line
 *
 * A page of affected accounts, as it travels.
 */
typedef struct
{
  char         *batch;
  char         *incident;
  gint64        revision;
  GPtrArray    *customers;
  GPtrArray    *categories;
  GArray       *accounts;
  GStringChunk *strings;
  GBytes       *rows;
} DeskSyncAccountPage;

GQuark               desk_sync_error_quark            (void);

JsonObject          *desk_sync_wire_parse_object      (GBytes               *body,
                                                       GError              **error);
gboolean             desk_sync_wire_check_members     (JsonObject           *object,
                                                       const char * const   *allowed,
                                                       const char           *what,
                                                       GError              **error);
gboolean             desk_sync_wire_check_change      (JsonObject           *change,
                                                       GError              **error);
gboolean             desk_sync_wire_check_fields      (const char           *kind,
                                                       JsonObject           *fields,
                                                       GError              **error);
gboolean             desk_sync_wire_check_entry       (JsonObject           *entry,
                                                       GError              **error);
gboolean             desk_sync_wire_is_uuid           (JsonNode             *node);
JsonNode            *desk_sync_wire_schema            (void);

DeskSyncAccountPage *desk_sync_account_page_new       (void);
void                 desk_sync_account_page_free      (DeskSyncAccountPage  *page);
char                *desk_sync_account_page_header    (DeskSyncAccountPage  *page);
GBytes              *desk_sync_account_page_encode    (DeskSyncAccountPage  *page);
DeskSyncAccountPage *desk_sync_account_page_decode    (GBytes               *body,
                                                       gboolean              push,
                                                       GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskSyncAccountPage, desk_sync_account_page_free)

G_END_DECLS
