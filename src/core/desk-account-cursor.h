/* desk-account-cursor.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* One account as a DeskAccountCursor stands on it. The strings are the cursor's, valid until
 * it moves on. */
typedef struct
{
  const char   *identifier;
  const char   *contract_id;
  const char   *customer_name;  /* nullable */
  gint64        customer_id;
  gint64        categories;     /* a mask of the incident's category bits */
  DeskExposure  exposure;
  gint64        found_at;       /* when it was confirmed or cleared; 0 for potential */
} DeskAccountEntry;

typedef struct _DeskAccountCursor DeskAccountCursor;

DeskAccountCursor      *desk_account_cursor_new            (DeskStore          *store,
                                                            gint64              incident_id,
                                                            gint64              customer_id,
                                                            GError            **error);
guint64                 desk_account_cursor_get_n_accounts (DeskAccountCursor  *self);
const DeskAccountEntry *desk_account_cursor_next           (DeskAccountCursor  *self,
                                                            GError            **error);
void                    desk_account_cursor_free           (DeskAccountCursor  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAccountCursor, desk_account_cursor_free)

G_END_DECLS
