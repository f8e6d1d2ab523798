/* desk-notice-status.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How a notice's status looks wherever it is shown (the customer lists, the notification figures,
 * the regulator's notices), the menu that changes it (the ledger's "Set Status", a notice's
 * status button), and how far along each status is. Statuses are offered in the order of
 * DeskNotificationStatus, which is the ledger's, from not started to not required. */

#define G_LOG_DOMAIN "desk-notice-status"

#include "config.h"

#include "desk-labels.h"
#include "desk-notice-status.h"

/**
 * desk_notice_status_css_class:
 *
 * Returns: (nullable): the style class (see style.css) of a notice in @status. The colour only
 *   repeats what the status label says.
 */
const char *
desk_notice_status_css_class (DeskNotificationStatus status)
{
  switch (status)
    {
    case DESK_NOTIFICATION_STATUS_SENT:
    case DESK_NOTIFICATION_STATUS_DELIVERED:
    case DESK_NOTIFICATION_STATUS_ACKNOWLEDGED:
      return "notice-notified";
    case DESK_NOTIFICATION_STATUS_BOUNCED:
      return "notice-bounced";
    case DESK_NOTIFICATION_STATUS_NOT_REQUIRED:
      return "dim-label";
    case DESK_NOTIFICATION_STATUS_NOT_STARTED:
    case DESK_NOTIFICATION_STATUS_DRAFTED:
    case DESK_NOTIFICATION_STATUS_APPROVED:
    default:
      return NULL;
    }
}

/**
 * desk_notice_status_menu:
 * @action: the action each item activates
 * @notice_id: the notice the menu is for, or 0 for the notices selected in the ledger
 *
 * Returns: (transfer full): one item per status; its target is the status (`i`), or the notice's
 *   id and the status (`(xi)`) when @notice_id is set
 */
GMenuModel *
desk_notice_status_menu (const char *action,
                         gint64      notice_id)
{
  GMenu *menu;

  g_return_val_if_fail (action != NULL, NULL);

  menu = g_menu_new ();
  for (DeskNotificationStatus status = 0; status < DESK_N_NOTIFICATION_STATUSES; status++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (desk_notification_status_label (status), NULL);

      if (notice_id != 0)
        g_menu_item_set_action_and_target_value (item, action,
                                                 g_variant_new ("(xi)", notice_id,
                                                                (gint32) status));
      else
        g_menu_item_set_action_and_target_value (item, action,
                                                 g_variant_new_int32 (status));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

/**
 * desk_notice_status_rank:
 *
 * How far a notice in @status has gone, for changes that must not take a notice back: a bounced
 * one stands with the sent ones, to be sent again.
 *
 * Returns: from 0 (not started) up to 5 (acknowledged); -1 for not required, which is off the scale
 */
int
desk_notice_status_rank (DeskNotificationStatus status)
{
  switch (status)
    {
    case DESK_NOTIFICATION_STATUS_NOT_REQUIRED:
      return -1;
    case DESK_NOTIFICATION_STATUS_NOT_STARTED:
      return 0;
    case DESK_NOTIFICATION_STATUS_DRAFTED:
      return 1;
    case DESK_NOTIFICATION_STATUS_APPROVED:
      return 2;
    case DESK_NOTIFICATION_STATUS_SENT:
    case DESK_NOTIFICATION_STATUS_BOUNCED:
      return 3;
    case DESK_NOTIFICATION_STATUS_DELIVERED:
      return 4;
    case DESK_NOTIFICATION_STATUS_ACKNOWLEDGED:
      return 5;
    default:
      g_return_val_if_reached (0);
    }
}
