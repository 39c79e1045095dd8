/**
 * The read models both sides read: the query side's records projection writes them, the command
 * side consults them typed (a score report's exam, a printed name's candidates) where an answer
 * from records received long before is good enough. Their shape is the contract; no side names
 * their collections or fields by strings of its own.
 */
package io.certtrail.platform.readmodels;
