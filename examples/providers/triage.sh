#!/bin/sh
# A stand-in for your own program: reads the customer message on stdin, prints a queue.
message=$(cat)
case "$message" in
  *charged*|*invoice*|*fee*) echo billing ;;
  *parcel*|*arrived*|*delivery*) echo shipping ;;
  *send\ back*|*refund*|*return*) echo returns ;;
  *) echo account ;;
esac
