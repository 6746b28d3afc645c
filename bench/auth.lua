-- wrk: send $TOKEN with every request (for the baseline, so both runs carry the same headers).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
