/* desk-stats.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "desk-types.h"

G_BEGIN_DECLS

typedef struct
{
  char   *uuid;
  char   *name;
  gint64  contracts;   /* confirmed contracts in this category */
} DeskCategoryCount;

/**
 * DeskStats:
 *
 * The figures of one incident, each from an SQL aggregate.
 */
struct _DeskStats
{
  gint64     potential_accounts;    /* every listed account not cleared, confirmed ones included */
  gint64     confirmed_accounts;
  gint64     estimated_potential;   /* announced before any list was imported; 0 = none */
  gint64     estimated_confirmed;
  gint64     contracts_affected;    /* contracts on the incident, not cleared */
  gint64     contracts_confirmed;   /* contracts with a confirmed breach */
  gint64     contracts_unique;      /* confirmed contracts in at least one category, once each */
  GPtrArray *categories;            /* DeskCategoryCount, in category order */
  gint64     notifications[DESK_N_NOTIFICATION_STATUSES];
  gint64     customers_to_notify;   /* customer notices that are required */
  gint64     customers_notified;    /* of those, sent, delivered or acknowledged */
  gint64     channel_to_notify[DESK_N_CHANNELS];  /* the same two figures per channel */
  gint64     channel_notified[DESK_N_CHANNELS];
  gint64     overdue_obligations;   /* open obligations whose deadline has passed */
  gint64     overdue_notices;       /* notices not sent by their deadline, which has passed */
};

#define DESK_TYPE_STATS (desk_stats_get_type ())

GType       desk_stats_get_type  (void) G_GNUC_CONST;
DeskStats  *desk_stats_new       (void);
DeskStats  *desk_stats_copy      (const DeskStats *self);
void        desk_stats_free      (DeskStats       *self);
JsonNode   *desk_stats_to_json   (const DeskStats *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskStats, desk_stats_free)

G_END_DECLS
