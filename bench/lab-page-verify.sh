#!/usr/bin/env bash
# The lab page's five "verify it yourself" commands, Q1 to Q5, as a plain shell script, run on the learner's
# state (the page's names and port): the baseline the learner mode is measured against (bench/bench.sh).
# It only looks; its output is not checked. Run as root (the page says sudo).
set -u
echo '$ ls -l /proc/$(docker inspect -f "{{.State.Pid}}" web)/ns/net'
ls -l "/proc/$(docker inspect -f '{{.State.Pid}}' web)/ns/net"
echo '$ mount | grep overlay | head'
mount | grep overlay | head
echo '$ iptables -t nat -L DOCKER -n | grep 8080'
iptables -t nat -L DOCKER -n | grep 8080
echo '$ ip addr show docker0'
ip addr show docker0
echo '$ docker ps --filter name=stayup'
docker ps --filter name=stayup
