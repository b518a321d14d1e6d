# gilsim: expect=livelock
print("not a finding kind")
