/**
 * Credit: how likely a participant is to cause a bad outcome on its next order, from its own matured
 * orders and bad outcomes shrunk toward its segment; and qualification examination — whether it holds the
 * licences its role requires, valid on the day.
 */
package io.caravan.credit;
